#include "core/module.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace wirebrief::core {

TEST(ModuleTest, MissingModuleNamesItsPathAndTheLoadersReason) {
  Result<void*> r = LoadModuleEntry("wirebrief-no-such-module.so", "wirebrief_entry");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  const std::string text = r.status().ToString();
  EXPECT_NE(text.find(ModuleSearchPath().front() + "/wirebrief-no-such-module.so"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("No such file"), std::string::npos) << text;  // dlerror()
}

TEST(ModuleTest, TheEnvironmentFolderIsTheOnlyOneSearched) {
  setenv("WIREBRIEF_MODULE_DIR", "/nonexistent-wb-modules", 1);
  std::vector<std::string> dirs = ModuleSearchPath();
  unsetenv("WIREBRIEF_MODULE_DIR");
  ASSERT_EQ(dirs.size(), 1u);
  EXPECT_EQ(dirs[0], "/nonexistent-wb-modules");
  // Without it, the executable's own folder comes first.
  EXPECT_GE(ModuleSearchPath().size(), 2u);
}

TEST(ModuleTest, BuiltModuleLoadsAndHasItsEntry) {
  // The build puts the modules next to the binary (WB_MODULE_BUILD_DIR is searched last).
  Result<void*> r = LoadModuleEntry("wirebrief-postgres.so", "wirebrief_open_postgres_store");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r.value(), nullptr);
  Result<void*> missing = LoadModuleEntry("wirebrief-postgres.so", "wirebrief_no_such_entry");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().ToString().find("wirebrief_no_such_entry"), std::string::npos);
}

// Any module's interface starts with its version (core::LoadModuleApi).
struct VersionOnly {
  int abi = 0;
};

TEST(ModuleTest, AnInterfaceOfAnotherVersionIsRefusedNamingBoth) {
  Result<const VersionOnly*> r =
      LoadModuleApi<VersionOnly>("wirebrief-stemmer.so", "wirebrief_stemmer_module", 999);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnsupported);
  const std::string text = r.status().ToString();
  EXPECT_NE(text.find("wirebrief-stemmer.so"), std::string::npos) << text;
  EXPECT_NE(text.find("interface version 1, want 999"), std::string::npos) << text;
  Result<const VersionOnly*> same =
      LoadModuleApi<VersionOnly>("wirebrief-stemmer.so", "wirebrief_stemmer_module", 1);
  ASSERT_TRUE(same.ok()) << same.status().ToString();
  EXPECT_EQ(same.value()->abi, 1);
}

TEST(ModuleTest, AMissingInterfaceModuleIsNamedOnce) {
  Result<const VersionOnly*> r =
      LoadModuleApi<VersionOnly>("wirebrief-no-such-module.so", "wirebrief_entry", 1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnsupported);
  const std::string text = r.status().ToString();
  EXPECT_NE(text.find("No such file"), std::string::npos) << text;
  // The module's name leads the message once; the path names it again, and no more.
  size_t count = 0;
  for (size_t at = text.find("wirebrief-no-such-module.so"); at != std::string::npos;
       at = text.find("wirebrief-no-such-module.so", at + 1))
    ++count;
  EXPECT_EQ(count, 2u) << text;
}

}  // namespace wirebrief::core
