import Foundation
import Testing
@testable import FolioCore

/// The byte-level URL normalizing gives what URLComponents gives, on every URL
/// it takes, and leaves the others to it.
struct IdentityURLFastPathTests {
    static let schemes = ["https://", "http://", "HTTPS://", "Http://", "ftp://", "https:/", "https:", "", "h ttp://", "httpss://"]
    static let hostPieces = ["example", ".", "-", "www.", "WWW.", "Www.", "a", "B", "0", "9", "xn--bcher-kva", "XN--bcher-kva", "xn--a", "_", "~", ":443", ":80", ":8080",
                             "user@", "é", "%41", "[::1]", " ", "com", "..", "www"]
    static let pathPieces = ["/", "//", "a", "B", "-", ".", "..", "_", "~", "%20", "%2F", "?", "?utm_source=x", "?a=b&utm_medium=y", "#frag", "#",
                             "é", " ", "+", "!", "$", "&", "'", "(", ")", "*", ",", ";", "=", ":", "@", "[", "]", "\\", "|", "^", "`", "{", "}",
                             "\u{301}", "\t", "\r\n", "日"]

    static func randomURL(_ generator: inout some RandomNumberGenerator) -> String {
        var url = schemes.randomElement(using: &generator)!
        // Mostly the simple pieces, so that many URLs take the fast path.
        let simple = Bool.random(using: &generator)
        let hosts = simple ? hostPieces.filter { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") } } : hostPieces
        let paths = simple ? pathPieces.filter { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/-._~".contains($0)) } } : pathPieces
        for _ in 0..<Int.random(in: 0...4, using: &generator) { url += hosts.randomElement(using: &generator)! }
        for _ in 0..<Int.random(in: 0...6, using: &generator) { url += paths.randomElement(using: &generator)! }
        return url
    }

    @Test func matchesURLComponents() {
        var generator = SystemRandomNumberGenerator()
        var taken = 0
        for _ in 0..<20_000 {
            let url = Self.randomURL(&generator)
            if let fast = SimpleURL.normalize(url) {
                taken += 1
                #expect(fast == ArticleIdentity.normalizeComponents(url), "\(url)")
            }
        }
        #expect(taken > 1000)  // the fast path is really tried
    }

    @Test func knownURLs() {
        let cases: [(String, String?)] = [
            ("https://Example.com/a/b/", "https://example.com/a/b"),
            ("http://www.example.com", "https://example.com"),
            ("HTTP://WWW.Example.COM/", "https://example.com"),
            ("https://example.com//", "https://example.com"),
            ("https://example.com/A_b~c.d-e/", "https://example.com/A_b~c.d-e"),
            ("https://example.com/a?utm_source=x", "https://example.com/a"),
            ("https://example.com:443/a#top", "https://example.com/a"),
            ("ftp://example.com/a", nil),
            ("https://xn--bcher-kva.example/a", "https://xn--bcher-kva.example/a"),
            ("  https://example.com/a\n", "https://example.com/a"),
        ]
        for (url, expected) in cases {
            #expect(ArticleIdentity.normalize(url: url) == expected, "\(url)")
            #expect(ArticleIdentity.normalizeComponents(url.trimmingSpacesAndNewlines()) == expected, "\(url)")
        }
    }
}
