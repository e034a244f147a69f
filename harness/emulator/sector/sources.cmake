# Sector synthesis (ECMA-130): list(APPEND emulator_sources sector/<file>.cpp ...)
list(APPEND emulator_sources
  sector/edc.cpp sector/ecc.cpp sector/raw_sector.cpp sector/q_channel.cpp sector/subchannel.cpp sector/c2.cpp)
