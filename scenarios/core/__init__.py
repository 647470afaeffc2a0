"""core: what every layer shares and nothing above it decides: the validated Config, the errors
a run stops on, the step and result records, observers and their events, processes and signals,
and files written whole. Imports nothing else of the lab."""
