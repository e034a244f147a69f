# Cue sheets: text -> CueSheet (lexer, parser) -> ResolvedDisc (layout against the image files).
list(APPEND emulator_sources
  cue/cue_error.cpp cue/cue_lexer.cpp cue/cue_parser.cpp cue/cue_time.cpp cue/file_locator.cpp cue/isrc.cpp
  cue/layout.cpp cue/text.cpp cue/track_mode.cpp)
