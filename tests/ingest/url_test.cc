#include "ingest/url.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>

namespace wirebrief::ingest {
namespace {

TEST(NormalizeUrlTest, OneArticleManySpellings) {
  const char* spellings[] = {
      "https://Harbour.TEST/news/ferry-returns/",
      "HTTPS://harbour.test:443/news/ferry-returns#comments",
      "https://harbour.test/news/ferry-returns?utm_source=rss&utm_medium=feed",
      "https://harbour.test/news/./ferry-returns?fbclid=abc123",
      "  https://harbour.test/news/%66erry-returns\n",
      "https://harbour.test./news/other/../ferry-returns/?gclid=x&",
  };
  for (const char* s : spellings)
    EXPECT_EQ(NormalizeUrl(s), "https://harbour.test/news/ferry-returns") << s;
}

TEST(NormalizeUrlTest, KeepsWhatIdentifiesThePage) {
  EXPECT_EQ(NormalizeUrl("http://valley.test:8080/a?id=7&page=2"),
            "http://valley.test:8080/a?id=7&page=2");
  // Order is kept: some sites route on it.
  EXPECT_EQ(NormalizeUrl("http://valley.test/a?b=2&a=1"), "http://valley.test/a?b=2&a=1");
  EXPECT_EQ(NormalizeUrl("http://valley.test/a?utm_x=1&id=3&mc_cid=9"),
            "http://valley.test/a?id=3");
  EXPECT_EQ(NormalizeUrl("http://valley.test"), "http://valley.test/");
  EXPECT_EQ(NormalizeUrl("http://valley.test:80/"), "http://valley.test/");
  EXPECT_EQ(NormalizeUrl("https://valley.test:80/"), "https://valley.test:80/");
  EXPECT_EQ(NormalizeUrl("http://user:secret@valley.test/a"), "http://valley.test/a");
}

TEST(NormalizeUrlTest, EscapesAreCanonical) {
  EXPECT_EQ(NormalizeUrl("http://v.test/%7euser/a%2fb"), "http://v.test/~user/a%2Fb");
  EXPECT_EQ(NormalizeUrl("http://v.test/caf\xC3\xA9 au lait"),
            "http://v.test/caf%C3%A9%20au%20lait");
  EXPECT_EQ(NormalizeUrl("http://v.test/100%"), "http://v.test/100%25");
  // An escaped dot stays escaped so a second pass changes nothing.
  EXPECT_EQ(NormalizeUrl("http://v.test/a/%2E%2E/b"), "http://v.test/a/%2E%2E/b");
}

TEST(NormalizeUrlTest, RefusesWhatIsNotHttp) {
  for (const char* s : {"ftp://files.test/a", "mailto:desk@harbour.test", "javascript:alert(1)",
                        "/news/relative", "", "http://", "file:///etc/passwd", "http://a b/"})
    EXPECT_EQ(NormalizeUrl(s), "") << s;
  EXPECT_EQ(NormalizeUrl("http://v.test/" + std::string(kMaxUrlBytes, 'a')), "");
}

TEST(NormalizeUrlTest, IsIdempotent) {
  for (const char* s :
       {"HTTP://V.test:80/a/b/?utm_source=x&q=%7e%2a#f", "https://v.test/%zz/x y/",
        "http://[::1]:8080/a/", "http://v.test/a?&&=&b", "https://xn--caf-dma.test/caf%C3%A9"}) {
    std::string once = NormalizeUrl(s);
    EXPECT_FALSE(once.empty()) << s;
    EXPECT_EQ(NormalizeUrl(once), once) << s;
  }
}

// fuzz_robots_url: "http://9.../" normalised to "http://9/", which libcurl then reads as
// "http://0.0.0.9/": trailing dots now go before parsing, so both passes see the same host.
TEST(NormalizeUrlTest, TrailingDotsOnANumericHostAreIdempotent) {
  std::string once = NormalizeUrl("http://9" + std::string(100, '.') + "?a=1&[");
  ASSERT_FALSE(once.empty());
  EXPECT_EQ(NormalizeUrl(once), once);
  EXPECT_EQ(NormalizeUrl("http://Harbour.test...:8080/a"), "http://harbour.test:8080/a");
}

// fuzz_robots_url: a NUL inside the host cut the URL short for libcurl, so the first pass saw
// "http://0..." and the second another URL; such URLs are unparseable now.
TEST(NormalizeUrlTest, NulInTheHostIsRefused) {
  std::string url = std::string("http://0...") + std::string(3, '\0') + "x.test/a";
  EXPECT_EQ(NormalizeUrl(url), "");
  EXPECT_EQ(UrlHost(url), "");
  EXPECT_EQ(ResolveUrl(url, "b"), "");
  EXPECT_EQ(NormalizeUrl(std::string("http://x.test/a") + '\0' + "b"), "http://x.test/a%00b");
}

// fuzz_robots_url: "http://..../3...." (what resolving "3...." against "http:/..../" gives)
// normalised to "http://3/", which a second pass reads as "http://0.0.0.3/".
TEST(NormalizeUrlTest, OddHostsReachAFixedPoint) {
  for (const char* s : {"http://..../3....", "http:///3..../", "http://3/", "http://0x7f.1/a"}) {
    std::string once = NormalizeUrl(s);
    EXPECT_EQ(NormalizeUrl(once), once) << s;
  }
  EXPECT_EQ(NormalizeUrl("http://..../"), "");
}

TEST(UrlHostTest, HostAndNonDefaultPort) {
  EXPECT_EQ(UrlHost("https://Harbour.Test/a"), "harbour.test");
  EXPECT_EQ(UrlHost("https://harbour.test:443/a"), "harbour.test");
  EXPECT_EQ(UrlHost("http://127.0.0.1:8081/x"), "127.0.0.1:8081");
  EXPECT_EQ(UrlHost("http://[::1]:8080/"), "[::1]:8080");
  EXPECT_EQ(UrlHost("ftp://harbour.test/"), "");
}

TEST(ResolveUrlTest, Rfc3986Examples) {
  const std::string base = "http://a.test/b/c/d;p?q";
  EXPECT_EQ(ResolveUrl(base, "g"), "http://a.test/b/c/g");
  EXPECT_EQ(ResolveUrl(base, "./g"), "http://a.test/b/c/g");
  EXPECT_EQ(ResolveUrl(base, "g/"), "http://a.test/b/c/g/");
  EXPECT_EQ(ResolveUrl(base, "/g"), "http://a.test/g");
  EXPECT_EQ(ResolveUrl(base, "//g.test/x"), "http://g.test/x");
  EXPECT_EQ(ResolveUrl(base, "?y"), "http://a.test/b/c/d;p?y");
  EXPECT_EQ(ResolveUrl(base, "../g"), "http://a.test/b/g");
  EXPECT_EQ(ResolveUrl(base, "../../../g"), "http://a.test/g");
  EXPECT_EQ(ResolveUrl(base, "https://other.test/z"), "https://other.test/z");
  EXPECT_EQ(ResolveUrl(base, ""), "http://a.test/b/c/d;p?q");
  EXPECT_EQ(ResolveUrl("https://v.test/feeds/main.xml", "../news/a b.html"),
            "https://v.test/news/a%20b.html");
  EXPECT_EQ(ResolveUrl("not a url", "g"), "");
}

TEST(UrlPathAndQueryTest, AsRobotsRulesSeeIt) {
  EXPECT_EQ(UrlPathAndQuery("https://v.test/a/b?c=1#frag"), "/a/b?c=1");
  EXPECT_EQ(UrlPathAndQuery("https://v.test"), "/");
}

sockaddr_storage V4(const char* text) {
  sockaddr_storage ss{};
  auto* a = reinterpret_cast<sockaddr_in*>(&ss);
  a->sin_family = AF_INET;
  inet_pton(AF_INET, text, &a->sin_addr);
  return ss;
}

sockaddr_storage V6(const char* text) {
  sockaddr_storage ss{};
  auto* a = reinterpret_cast<sockaddr_in6*>(&ss);
  a->sin6_family = AF_INET6;
  inet_pton(AF_INET6, text, &a->sin6_addr);
  return ss;
}

bool Public(const sockaddr_storage& ss) {
  return IsPublicAddress(reinterpret_cast<const sockaddr*>(&ss));
}

TEST(IsPublicAddressTest, RefusesLocalNetworks) {
  for (const char* a :
       {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255"})
    EXPECT_FALSE(Public(V4(a))) << a;
  for (const char* a : {"::1", "::", "fe80::1", "fd00::1", "fc00::1", "::ffff:127.0.0.1",
                        "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:c0a8:0101::1", "ff02::1"})
    EXPECT_FALSE(Public(V6(a))) << a;
  EXPECT_FALSE(IsPublicAddress(nullptr));
}

TEST(IsPublicAddressTest, AllowsPublicOnes) {
  for (const char* a : {"93.184.216.34", "172.32.0.1", "8.8.8.8", "100.128.0.1"})
    EXPECT_TRUE(Public(V4(a))) << a;
  for (const char* a : {"2001:db8::1", "2606:4700::1111", "::ffff:93.184.216.34"})
    EXPECT_TRUE(Public(V6(a))) << a;
}

}  // namespace
}  // namespace wirebrief::ingest
