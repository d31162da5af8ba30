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

}  // namespace wirebrief::core
