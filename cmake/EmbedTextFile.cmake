# Writes a C++ source defining `std::string_view <NS>::<FUNC>()` that returns the bytes of one
# text file, so rule data kept as a file under data/ is compiled into the binary and no run
# depends on where the source tree is. Run at build time:
#   cmake -DIN=<file> -DOUT=<file.cc> -DNS=<namespace> -DFUNC=<name> -DHEADER=<include> -P EmbedTextFile.cmake
# Bytes, not a raw string literal, so no file content can end the literal early.
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x..,){32})" "\\1\n" bytes "${bytes}")
get_filename_component(name "${IN}" NAME)
set(src "// Generated from ${name} by cmake/EmbedTextFile.cmake; do not edit.\n")
string(APPEND src "#include \"${HEADER}\"\n\nnamespace ${NS} {\nnamespace {\n")
string(APPEND src "const unsigned char kBytes[] = {\n${bytes}0};\n}  // namespace\n\n")
string(APPEND src "std::string_view ${FUNC}() {\n  return {reinterpret_cast<const char*>(kBytes), ${size}};\n}\n\n")
string(APPEND src "}  // namespace ${NS}\n")
file(WRITE "${OUT}.tmp" "${src}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
