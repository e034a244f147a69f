# Sector synthesis (ECMA-130): list(APPEND emulator_sources sector/<file>.cpp ...)
