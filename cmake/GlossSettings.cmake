# One place for compile settings: every Gloss target links gloss_settings.
add_library(gloss_settings INTERFACE)
target_compile_features(gloss_settings INTERFACE cxx_std_20)
target_compile_options(gloss_settings INTERFACE
  -Wall -Wextra -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wpedantic)
# Full RELRO, as Debian's hardening flags give packaged programs (lintian: hardening-no-bindnow).
target_link_options(gloss_settings INTERFACE -Wl,-z,relro -Wl,-z,now)
if(GLOSS_WERROR)
  target_compile_options(gloss_settings INTERFACE -Werror)
endif()
target_compile_definitions(gloss_settings INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_KEYWORDS
  QT_NO_CONTEXTLESS_CONNECT
  QT_USE_QSTRINGBUILDER
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_DISABLE_DEPRECATED_UP_TO=0x060400
  GLOSS_VERSION="${PROJECT_VERSION}")
if(GLOSS_SANITIZE)
  target_compile_options(gloss_settings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(gloss_settings INTERFACE -fsanitize=address,undefined)
endif()
if(GLOSS_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "GLOSS_FUZZ needs clang: -DCMAKE_CXX_COMPILER=clang++")
  endif()
  # Everything is instrumented for coverage and checked; only the fuzzers link libFuzzer's main.
  target_compile_options(gloss_settings INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -g -O1)
  target_link_options(gloss_settings INTERFACE -fsanitize=address,undefined)
endif()
