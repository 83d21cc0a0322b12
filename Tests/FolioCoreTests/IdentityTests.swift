import Foundation
import Testing
@testable import FolioCore

struct IdentityTests {
    @Test func sha256KnownVectors() {
        // FIPS 180-2, appendix B.1, and the empty message.
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: [UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // FIPS 180-2, appendix B.2: two blocks.
        #expect(SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func sha256MessageLengthsAroundBlockBoundary() {
        // 55, 56 and 64 bytes are where padding changes; digests must differ and be 64 hex digits.
        let digests = [55, 56, 63, 64, 65].map { SHA256.hex(of: [UInt8](repeating: 0x61, count: $0)) }
        #expect(Set(digests).count == digests.count)
        #expect(digests.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) })
        #expect(SHA256.hex(of: [UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func contentIdentity() {
        #expect(ArticleIdentity.forContent(Array("abc".utf8)).rawValue == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ArticleIdentity.forContent(Array("abc".utf8)) != ArticleIdentity.forContent(Array("abd".utf8)))
    }

    @Test(arguments: [
        "https://example.org/news/story",
        "https://www.example.org/news/story",
        "https://example.org/news/story/",
        "HTTPS://WWW.Example.ORG/news/story/",
        "http://example.org/news/story",
        "https://example.org/news/story?utm_source=rss&utm_medium=feed&utm_campaign=spring",
        "https://example.org/news/story#comments",
        "https://www.example.org/news/story/?utm_source=x#top",
        "https://example.org:443/news/story?fbclid=abc123",
        "  https://example.org/news/story  ",
    ])
    func urlNormalisation(_ url: String) {
        #expect(ArticleIdentity.forURL(url)?.rawValue == "url:https://example.org/news/story", "\(url)")
    }

    @Test func meaningfulQueryAndPathKept() {
        #expect(ArticleIdentity.forURL("https://example.org/story?id=42&utm_source=rss")?.rawValue == "url:https://example.org/story?id=42")
        #expect(ArticleIdentity.forURL("https://example.org/story?id=42") != ArticleIdentity.forURL("https://example.org/story?id=43"))
        #expect(ArticleIdentity.forURL("https://example.org/a") != ArticleIdentity.forURL("https://example.org/b"))
        #expect(ArticleIdentity.forURL("https://example.org/")?.rawValue == "url:https://example.org")
    }

    @Test(arguments: ["", "not a url", "ftp://example.org/file", "mailto:someone@example.org", "/relative/path"])
    func nonWebURLsHaveNoURLIdentity(_ url: String) {
        #expect(ArticleIdentity.forURL(url) == nil)
    }

    @Test func articleIdentityPrefersURL() {
        let bytes = Array("hello".utf8)
        let withURL = Article(title: "t", url: "https://www.example.org/x/", format: .text)
        let withoutURL = Article(title: "t", format: .text)
        #expect(ArticleIdentity.of(article: withURL, bytes: bytes).rawValue == "url:https://example.org/x")
        #expect(ArticleIdentity.of(article: withoutURL, bytes: bytes) == ArticleIdentity.forContent(bytes))
    }

    @Test func loadedIdentityFromContentOrURL() throws {
        let essay = try Fixture.load("text/plain-essay.txt")
        #expect(essay.identity == ArticleIdentity.forContent(try Fixture.bytes("text/plain-essay.txt")))
        let omnivore = try Fixture.load("markdown/omnivore-clip.md")
        #expect(omnivore.identity.rawValue == "url:https://harbourdaily.example/2026/02/14/shore-power")
    }
}
