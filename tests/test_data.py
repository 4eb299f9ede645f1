"""The pattern helpers of ``vnclean._data``: named lists, tries, patterns compiled at first use."""

import pickle
import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from vnclean._data import LazyPattern, alternation, compile_named, named_list, trie, word_list
from vnclean.bylines import agency_names


def _tree_trie(words):
    """The trie as it was first built (a dict tree, emitted branch by branch): the reference."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node):
        branches = [re.escape(char) + emit(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="aAbḃ .ứ(-*", max_size=5), max_size=12))
def test_trie_is_the_tree_trie(words):
    assert trie(tuple(words)) == _tree_trie(words)


def test_trie_of_the_shipped_lists_is_the_tree_trie():
    for words in (tuple(agency_names()), word_list("bylines_titles.txt"),
                  word_list("related_sentence_openers.txt")):
        assert trie(words) == _tree_trie(words)


def test_named_list_matches_what_the_alternation_matches():
    """Longest first, with what follows making it back off, caseless (full case folding
    under V1) and in a reversed search alike."""
    lists = [tuple(agency_names()), word_list("bylines_notes.txt"),
             word_list("promos_widget_lines.txt"), ("Th", "Theo", "Theo dõi", "T")]
    for words in lists:
        samples = {w + tail for w in words for tail in ("", " X", ".", "x", " ")}
        samples |= {w[:-1] for w in words} | {w.upper() for w in words}
        for flags in (0, regex.IGNORECASE | regex.V1, regex.REVERSE):
            for after in ("", r"(?![\w.])", r"[ ]"):
                named = compile_named(f"(?:{named_list(words)}){after}", flags)
                flat = regex.compile(f"(?:{alternation(words)}){after}", flags)
                for sample in samples:
                    found, expected = named.search(sample), flat.search(sample)
                    assert (found and found.span()) == (expected and expected.span()), sample


def test_a_named_list_of_one_entry_is_a_literal():
    assert named_list(["Theo"]) == "Theo"
    assert named_list(("a.b", "c")).startswith(r"\L<")


def test_lazy_pattern_compiles_at_first_use_and_then_is_the_compiled_one():
    pattern = LazyPattern(r"Theo (\w+)", regex.V1)
    assert "_compiled" not in vars(pattern)  # not compiled by being built
    assert pattern.pattern == r"Theo (\w+)"
    found = pattern.search("Tin: Theo TTXVN")
    assert found.group(1) == "TTXVN" and pattern.made(found)
    assert not pattern.made(regex.search("T", "Theo"))
    assert vars(pattern)["search"].__self__ is found.re  # later calls go straight to it
    assert pattern.flags == found.re.flags and pattern.groups == 1


def test_lazy_pattern_with_stdlib_re_and_pickled():
    pattern = LazyPattern(r"[ \t]+\Z", compile=re.compile)
    assert pickle.loads(pickle.dumps(pattern)).search("Hà Nội  ").start() == 6
    assert isinstance(pattern.search("x ").re, re.Pattern)
    assert pickle.loads(pickle.dumps(pattern)).sub("", "Hà Nội  ") == "Hà Nội"


def test_piece_gates_open_everywhere_without_the_stdlib_parser(monkeypatch):
    # A Python whose re module lacks its private parser: no pieces can be read, so every
    # gate lets every text through (slower, never wrong).
    from vnclean import _data

    monkeypatch.setattr(_data, "_re_parser", None)
    assert _data.required_pieces(r"Bản quyền|Copyright") is None
    assert _data.PiecedAlternation((r"Bản quyền",), 0).may_match("Mưa lớn ở Hà Nội.") is True


def test_piece_gate_reads_the_pieces_with_the_stdlib_parser():
    from vnclean import _data

    assert _data.required_pieces(r"Bản quyền|Copyright") == ("bản quyền", "copyright")
    assert _data.PiecedAlternation((r"Bản quyền",), 0).may_match("Mưa lớn ở Hà Nội.") is False


def test_pieced_alternation_searches_whole_past_its_budget_or_without_the_parser(monkeypatch):
    # The first `budget` sets of branches are compiled; a later new set, or any set when no
    # pieces can be read, is searched with the whole alternation (the same matches).
    import regex

    from vnclean import _data

    words = _data.PiecedAlternation((r"Copyright", r"Giấy phép"), regex.IGNORECASE, budget=1)
    assert words.finder("copyright") is not words.whole
    assert words.finder("Mưa lớn.") is None
    assert words.finder("giấy phép") is words.whole
    assert [m.group() for m in words.finditer("Giấy phép, COPYRIGHT")] == ["Giấy phép",
                                                                           "COPYRIGHT"]
    monkeypatch.setattr(_data, "_re_parser", None)
    unread = _data.PiecedAlternation((r"Copyright", r"Giấy phép"), regex.IGNORECASE)
    assert unread.finder("Mưa lớn.") is unread.whole
