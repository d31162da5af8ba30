# Writes a C++ source holding the web page's files as byte arrays (server/detail/web_assets.h).
# Run at build time: cmake -DWEB_DIR=<web> -DOUT=<file.cc> -P EmbedWebAssets.cmake
# Bytes, not a raw string literal, so no file content can end the literal early.
# name|content type; all are UTF-8 text.
set(files "index.html|text/html" "app.js|text/javascript" "style.css|text/css")
set(src "// Generated from web/ by cmake/EmbedWebAssets.cmake; do not edit.\n")
string(APPEND src "#include \"server/detail/web_assets.h\"\n\nnamespace wirebrief::server::detail {\nnamespace {\n")
set(table "")
set(i 0)
foreach(entry ${files})
  string(FIND "${entry}" "|" semi)
  string(SUBSTRING "${entry}" 0 ${semi} name)
  math(EXPR start "${semi} + 1")
  string(SUBSTRING "${entry}" ${start} -1 type)
  file(READ "${WEB_DIR}/${name}" hex HEX)
  string(LENGTH "${hex}" hex_len)
  math(EXPR size "${hex_len} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REGEX REPLACE "((0x..,){32})" "\\1\n" bytes "${bytes}")
  string(APPEND src "const unsigned char kFile${i}[] = {\n${bytes}0};\n")
  string(APPEND table "    {\"/${name}\", \"${type}\", {reinterpret_cast<const char*>(kFile${i}), ${size}}},\n")
  math(EXPR i "${i} + 1")
endforeach()
string(APPEND src "const WebAsset kAssets[] = {\n${table}};\n}  // namespace\n\n")
string(APPEND src "const WebAsset* FindWebAsset(std::string_view path) {\n  for (const auto& a : kAssets)\n"
                  "    if (a.path == path) return &a;\n  return nullptr;\n}\n\n}  // namespace wirebrief::server::detail\n")
file(WRITE "${OUT}.tmp" "${src}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
