import Foundation

/// Markdown web clips: front matter as Obsidian Web Clipper, MarkDownload and
/// Omnivore write it, else the first `# ` heading as the title.
public struct MarkdownExtractor: ArticleExtractor {
    public init() {}

    public func extract(from bytes: [UInt8], fileName: String) throws(ExtractionError) -> Article {
        let (text, note) = try Extractors.decodeText(bytes)
        let (matter, rest) = FrontMatter.split(text)
        let lines = rest.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })  // "\r\n" is one Character
        let links = LinkTable()
        let inlines = MarkdownInlines(links: links, references: MarkdownBlocks.references(in: lines))
        var body = MarkdownBlocks(inlines: inlines).parse(lines)
        let fm = matter ?? FrontMatter()

        var title = fm.string("title", "headline")
        if case .heading(1, let heading)? = body.first(where: { if case .rule = $0 { return false }; return true }) {
            let headingText = heading.plainText
            if title == nil || title == headingText {
                title = headingText
                body.remove(at: body.firstIndex(where: { if case .heading = $0 { return true }; return false })!)
            }
        }
        var subtitle = fm.string("description", "excerpt", "subtitle", "summary")
        if let index = body.prefix(3).firstIndex(where: Self.isExcerptQuote), case .quote(let quoted) = body[index] {
            let excerpt = quoted.dropFirst().map(\.plainText).joined(separator: " ")
            if subtitle == nil, !excerpt.isEmpty { subtitle = excerpt }
            body.remove(at: index)
        }
        var url = fm.string("source", "url", "original_url", "link", "canonical")
        if let (index, found) = Self.sourceLine(in: body) {
            if url == nil || !(url!.hasPrefix("http")) { url = found }
            body.remove(at: index)
        }
        if let u = url, !u.lowercased().hasPrefix("http") { url = nil }
        var tags = fm.list("tags", "keywords")
        Self.dropClipperLines(&body, tags: &tags)
        while let first = body.first, first == .rule { body.removeFirst() }
        while let last = body.last, last == .rule { body.removeLast() }

        var authors = fm.list("author", "authors", "byline", "creator")
        var date = ["published", "date_published", "date", "published_at", "created", "date_saved", "saved"]
            .lazy.compactMap { fm.string($0).flatMap(DateParser.find(in:)) }.first
        var source = fm.string("site_name", "site", "publisher", "siteName")
        if let t = title, matter?.string("title") == nil {
            let split = TitleSplit.split(t)
            title = split.title
            if source == nil { source = split.site }
        }
        // A byline paragraph at the top: "*By Marta Castellví · Alpine Post · 9 January 2026*".
        if let index = body.prefix(3).firstIndex(where: { if case .paragraph = $0 { return true }; return false } ),
           case .paragraph(let inlines) = body[index], let byline = Byline.parse(inlines.plainText) {
            if authors.isEmpty { authors = [byline.author] }
            if date == nil { date = byline.date }
            if source == nil, byline.others.count == 1 { source = byline.others[0] }
            body.remove(at: index)
        }
        if source == nil, let u = url { source = SourceName.fromURL(u) }
        if source == nil, let s = fm.string("source"), !s.hasPrefix("http") { source = s }

        return Article(
            title: title.map(TextCleanup.collapseWhitespace) ?? Extractors.title(fromFileName: fileName),
            subtitle: subtitle.map { TextCleanup.collapseWhitespace(HTMLEntities.decode($0)) }.flatMap { $0.isEmpty ? nil : $0 },
            author: authors.isEmpty ? nil : authors.joined(separator: ", "),
            date: date, source: source, url: url,
            tags: tags,
            body: body, links: links.urls, format: .markdown, notes: note.map { [$0] } ?? [])
    }

    /// Lines clippers add above the article: Omnivore's "#Omnivore" tag line and its
    /// "[Read on Omnivore](…) [Read Original](…)" links.
    static func dropClipperLines(_ body: inout [Block], tags: inout [String]) {
        var index = 0
        while index < min(body.count, 4) {
            if case .heading(_, let text) = body[index], text.plainText.lowercased() == "content" {
                body.remove(at: index)  // Omnivore's "## Content" above the article
                continue
            }
            guard case .paragraph(let inlines) = body[index] else { index += 1; continue }
            let words = inlines.plainText.split(whereSeparator: \.isWhitespace)
            if !words.isEmpty, words.allSatisfy({ $0.hasPrefix("#") && $0.count > 1 }) {
                tags += words.map { String($0.dropFirst()) }.filter { !tags.contains($0) }
                body.remove(at: index)
                continue
            }
            let links = inlines.filter { $0.linkNumber != nil }
            let allLinks = inlines.allSatisfy { $0.linkNumber != nil || $0.text.allSatisfy(\.isWhitespace) }
            let readLabels = ["read on ", "read original", "view original", "open original", "original article", "view on "]
            if !links.isEmpty, allLinks, links.allSatisfy({ link in readLabels.contains { link.text.lowercased().hasPrefix($0) } }) {
                body.remove(at: index)
                continue
            }
            index += 1
        }
    }

    /// MarkDownload's `> ## Excerpt` block.
    static func isExcerptQuote(_ block: Block) -> Bool {
        guard case .quote(let inner) = block, case .heading(_, let text)? = inner.first else { return false }
        return text.plainText.lowercased() == "excerpt"
    }

    /// A "Source: https://…" or "URL: …" paragraph near the top.
    static func sourceLine(in body: [Block]) -> (Int, String)? {
        for (index, block) in body.prefix(4).enumerated() {
            guard case .paragraph(let inlines) = block else { continue }
            let text = inlines.plainText.trimmingCharacters(in: .whitespaces)
            for prefix in ["Source:", "URL:", "Original:", "Clipped from:", "Saved from:"] where text.hasPrefix(prefix) {
                let rest = text.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
                if rest.hasPrefix("http"), !rest.contains(" ") { return (index, rest) }
            }
        }
        return nil
    }
}
