import Foundation

/// What makes an article the same article after its file is renamed or moved:
/// its URL where the file says it, else a SHA-256 of the file's bytes (of
/// samples of them for a very large file).
/// The path is never the identity.
public struct ArticleIdentity: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static func forURL(_ url: String) -> ArticleIdentity? {
        guard let normal = normalize(url: url) else { return nil }
        return ArticleIdentity(rawValue: "url:" + normal)
    }

    public static func forContent(_ bytes: some Collection<UInt8>) -> ArticleIdentity {
        ArticleIdentity(rawValue: "sha256:" + SHA256.hex(of: bytes))
    }

    /// A very large file's identity without reading all of it: its size and
    /// SHA-256 samples of its start and its end. Two different articles of the
    /// same length with the same first and last 64 KB are not told apart.
    public static func forSampledContent(head: some Collection<UInt8>, tail: some Collection<UInt8>, size: Int) -> ArticleIdentity {
        ArticleIdentity(rawValue: "sha256-sampled:" + SHA256.hex(of: Array(head) + Array(tail) + Array("\(size)".utf8)))
    }

    /// The identity of an article read from `bytes`.
    public static func of(article: Article, bytes: some Collection<UInt8>) -> ArticleIdentity {
        article.url.flatMap(forURL) ?? forContent(bytes)
    }

    /// Lower-cases scheme and host, drops the fragment, tracking parameters and a
    /// trailing slash, so the same story saved twice gets one identity.
    static func normalize(url: String) -> String? {
        let trimmed = url.trimmingSpacesAndNewlines()
        return SimpleURL.normalize(trimmed) ?? normalizeComponents(trimmed)
    }

    /// `normalize` through URLComponents, for any URL.
    static func normalizeComponents(_ url: String) -> String? {
        guard var parts = URLComponents(string: url),
              let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = parts.host?.lowercased(), !host.isEmpty else { return nil }
        parts.scheme = "https"
        parts.host = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        parts.fragment = nil
        if parts.port == 443 || parts.port == 80 { parts.port = nil }
        let kept = (parts.queryItems ?? []).filter { item in
            let name = item.name.lowercased()
            return !(name.hasPrefix("utm_") || ["fbclid", "gclid", "mc_cid", "mc_eid", "ref", "cmpid"].contains(name))
        }
        parts.queryItems = kept.isEmpty ? nil : kept
        var path = parts.percentEncodedPath
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        parts.percentEncodedPath = path == "/" ? "" : path
        return parts.string
    }
}
