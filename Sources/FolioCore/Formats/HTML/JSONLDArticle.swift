import Foundation

/// The first `NewsArticle`, `Article`, `BlogPosting` (or similar) object in a
/// page's `<script type="application/ld+json">` blocks, including `@graph` lists.
struct JSONLDArticle {
    var headline: String?
    var description: String?
    var author: String?
    var datePublished: String?
    var publisher: String?
    var url: String?

    private static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle", "techarticle", "socialmediaposting", "liveblogposting",
        "posting", "webpage", "report",
    ]

    init?(page: PageIndex) {
        let scripts = page.nodes.indices.filter { page.tags[$0] == .script && (page.nodes[$0].attribute("type") ?? "").quickLowercased().contains("ld+json") }
            .map { page.nodes[$0] }
        var best: [String: Any]?
        for script in scripts {
            guard let data = script.textContent.data(using: .utf8), data.count < 2_000_000,
                  let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            for object in Self.objects(in: json, depth: 0) {
                let types = Self.types(object)
                if types.contains(where: { Self.articleTypes.contains($0) && $0 != "webpage" }) { best = object; break }
                if best == nil, types.contains("webpage"), object["headline"] != nil { best = object }
            }
            if let b = best, !Self.types(b).contains("webpage") { break }
        }
        guard let object = best else { return nil }
        headline = Self.string(object["headline"]) ?? Self.string(object["name"])
        description = Self.string(object["description"])
        author = Self.names(object["author"]).joined(separator: ", ").nilIfEmpty
        datePublished = Self.string(object["datePublished"]) ?? Self.string(object["dateCreated"])
        publisher = Self.names(object["publisher"]).first
        url = Self.string(object["url"]) ?? Self.string((object["mainEntityOfPage"] as? [String: Any])?["@id"]) ?? Self.string(object["mainEntityOfPage"])
        if let u = url, !u.hasPrefix("http") { url = nil }
    }

    private static func objects(in json: Any, depth: Int) -> [[String: Any]] {
        guard depth < 6 else { return [] }
        if let array = json as? [Any] { return array.flatMap { objects(in: $0, depth: depth + 1) } }
        guard let object = json as? [String: Any] else { return [] }
        if let graph = object["@graph"] { return [object] + objects(in: graph, depth: depth + 1) }
        return [object]
    }

    private static func types(_ object: [String: Any]) -> [String] {
        if let t = object["@type"] as? String { return [t.quickLowercased()] }
        if let ts = object["@type"] as? [Any] { return ts.compactMap { ($0 as? String)?.quickLowercased() } }
        return []
    }

    private static func string(_ value: Any?) -> String? {
        if let s = value as? String { let t = s.trimmingSpacesAndNewlines(); return t.isEmpty ? nil : t }
        if let a = value as? [Any] { return a.lazy.compactMap { string($0) }.first }
        return nil
    }

    /// Names from a string, an object with `name`, or a list of either.
    private static func names(_ value: Any?) -> [String] {
        if let s = string(value as? String) { return [s] }
        if let o = value as? [String: Any] { return string(o["name"]).map { [$0] } ?? [] }
        if let a = value as? [Any] { return a.flatMap { names($0) } }
        return []
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
