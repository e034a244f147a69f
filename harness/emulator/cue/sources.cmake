# Cue sheets: list(APPEND emulator_sources cue/<file>.cpp ...)
