"""cli: the command line, `cookie-lab list | run | check`: the parser, the commands and
main(), which turns every outcome into one line and an exit status."""
