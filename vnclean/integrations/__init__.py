"""Run vnclean on engines for corpora larger than one machine (optional extras).

``vnclean.integrations.datatrove`` (``pip install 'vnclean[datatrove]'``): a pipeline step.
``vnclean.integrations.dask`` (``pip install 'vnclean[dask]'``): bags and dataframes.
Each imports its engine only when used, and says how to install it when it is missing.
"""
