import Foundation

/// Article metadata from a page's head, best source first: JSON-LD, OpenGraph
/// and other `<meta>` tags, `<title>` with the site name split off,
/// `<link rel=canonical>`, and the "saved from url=" comment browsers write.
struct HTMLMetadata {
    var title: String?
    var subtitle: String?
    var author: String?
    var date: Date?
    var source: String?
    var url: String?
    var tags: [String] = []

    init(page: PageIndex, topComments: [String]) {
        let root = page.nodes[0]
        func first(_ tag: ElementTag) -> HTMLNode? { page.tags.firstIndex(of: tag).map { page.nodes[$0] } }
        var meta: [String: String] = [:]
        for (i, node) in page.nodes.enumerated() where page.tags[i] == .meta {
            guard let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop"))?.quickLowercased(),
                  let content = node.attribute("content")?.trimmingSpacesAndNewlines(), !content.isEmpty,
                  meta[key] == nil else { continue }
            meta[key] = content
        }
        let ld = JSONLDArticle(page: page)
        let pageTitle = first(.title).map { TextCleanup.collapseWhitespace($0.textContent) }
        let split = pageTitle.map(TitleSplit.split)

        title = ld?.headline ?? meta["og:title"] ?? meta["twitter:title"] ?? split?.title ?? first(.h1).map { TextCleanup.collapseWhitespace($0.textContent) }
        subtitle = meta["og:description"] ?? meta["description"] ?? ld?.description
        author = ld?.author ?? meta["author"] ?? meta["article:author"].flatMap { $0.hasPrefix("http") ? nil : $0 } ?? meta["byl"].map(Self.stripBy) ?? meta["parsely-author"] ?? meta["dc.creator"] ?? Self.bylineElement(page)
        let dateText = ld?.datePublished ?? meta["article:published_time"] ?? meta["date"] ?? meta["pubdate"] ?? meta["publishdate"] ?? meta["dc.date"] ?? meta["dc.date.issued"] ?? meta["sailthru.date"] ?? meta["parsely-pub-date"] ?? first(.time)?.attribute("datetime")
        date = dateText.flatMap(DateParser.find(in:))
        url = meta["og:url"] ?? Self.canonical(page) ?? ld?.url ?? Self.savedFrom(topComments + Self.comments(root))
        source = ld?.publisher ?? meta["og:site_name"] ?? meta["application-name"] ?? split?.site ?? url.flatMap(SourceName.fromURL)
        tags = (meta["keywords"] ?? meta["news_keywords"]).map { $0.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty } } ?? []

        title = title.map { TextCleanup.collapseWhitespace(HTMLEntities.decode($0)) }
        subtitle = subtitle.map { TextCleanup.collapseWhitespace(HTMLEntities.decode($0)) }
        author = author.map { AuthorName.clean(HTMLEntities.decode($0)) }.flatMap { $0.isEmpty ? nil : $0 }
        source = source.map { TextCleanup.collapseWhitespace(HTMLEntities.decode($0)) }
    }

    static func canonical(_ page: PageIndex) -> String? {
        page.nodes.indices.first { page.tags[$0] == .link && (page.nodes[$0].attribute("rel") ?? "").quickLowercased().split(separator: " ").contains("canonical") }
            .flatMap { page.nodes[$0].attribute("href") }.flatMap { $0.hasPrefix("http") ? $0 : nil }
    }

    static func comments(_ root: HTMLNode) -> [String] {
        (root.children + (root.first("head")?.children ?? [])).filter { $0.kind == .comment }.map(\.text)
    }

    /// `<!-- saved from url=(0046)https://… -->` and SingleFile's `url: https://…` header.
    static func savedFrom(_ comments: [String]) -> String? {
        for comment in comments {
            if let range = comment.range(of: "saved from url=") {
                var rest = comment[range.upperBound...]
                if rest.hasPrefix("("), let close = rest.firstIndex(of: ")") { rest = rest[rest.index(after: close)...] }
                let url = rest.prefix { !$0.isWhitespace }
                if url.hasPrefix("http") { return String(url) }
            }
            if comment.contains("SingleFile") || comment.contains("Page saved with") {
                for line in comment.split(separator: "\n") {
                    let t = line.trimmingSpaces()
                    if t.quickLowercased().hasPrefix("url:") {
                        let url = t.dropFirst(4).trimmingSpaces()
                        if url.hasPrefix("http") { return url }
                    }
                }
            }
        }
        return nil
    }

    static func stripBy(_ text: String) -> String {
        text.quickLowercased().hasPrefix("by ") ? String(text.dropFirst(3)) : text
    }

    /// An element marked as the byline (rel=author, class or itemprop "author"/"byline").
    static func bylineElement(_ page: PageIndex) -> String? {
        let node = page.nodes.indices.first { i in
            let node = page.nodes[i]
            guard !node.attributes.isEmpty else { return false }
            if node.attribute("rel") == "author" || node.attribute("itemprop") == "author" { return true }
            // The class hints match "byline" and "author" anywhere; check the exact forms only then.
            guard page.hints[i].byline else { return false }
            return node.classAndID.contains("byline") || node.classAndID.split(separator: " ").contains { $0 == "author" || $0.hasSuffix("author-name") }
        }.map { page.nodes[$0] }
        guard let text = node.map({ TextCleanup.collapseWhitespace($0.textContent) }), !text.isEmpty, text.count < 100 else { return nil }
        return stripBy(text)
    }
}
