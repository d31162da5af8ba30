# Every dependency is a Debian 12 package (scripts/install-deps.sh installs them); nothing is vendored.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(ZLIB REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(LibXml2 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
# SHA-256 and HMAC for webhook signatures (core/digest.h).
pkg_check_modules(NETTLE REQUIRED IMPORTED_TARGET nettle)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
if(WB_BUILD_TESTS)
  find_package(GTest REQUIRED)
  include(GoogleTest)
endif()
if(WB_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
# server/: Debian's cpp-httplib is built as a shared library whose class layout depends on the
# CPPHTTPLIB_* defines its .pc file carries, so it is found through pkg-config.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
find_package(OpenSSL REQUIRED)
