"""cli: the command line, `cookie-lab list | run | check`: main (one line and an exit status
for every outcome), parser and arguments (the grammar), settings (Config, report folder, CI
files), streams (closed standard streams), commands (what each command does), keywords (-k)."""
