import Foundation

/// Markdown web clips: front matter as Obsidian Web Clipper, MarkDownload and
/// Omnivore write it, else the first `# ` heading as the title.
public struct MarkdownExtractor: ArticleExtractor {
    public init() {}

    public func extract(from bytes: [UInt8], fileName: String) throws(ExtractionError) -> Article {
        // Blank files are refused before decoding (cheap even at many megabytes).
        if bytes.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) { throw .empty }
        let (text, note) = try Extractors.decodeText(bytes)
        let (matter, rest) = FrontMatter.split(text)
        let lines = MarkdownBlocks.lines(rest)
        let links = LinkTable()
        let inlines = MarkdownInlines(links: links, references: MarkdownBlocks.references(in: lines))
        var body = MarkdownBlocks(inlines: inlines).parse(lines)
        let fm = matter ?? FrontMatter()

        var title = fm.string("title", "headline").map(TextCleanup.collapseWhitespace)
        if case .heading(1, let heading)? = body.first(where: { if case .rule = $0 { return false }; return true }) {
            let headingText = heading.plainText
            if title == nil || Self.sameTitle(title!, headingText) {
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
        if let u = url, !Self.startsWithHTTP(u) { url = nil }
        var tags = fm.list("tags", "keywords")
        Self.dropClipperLines(&body, tags: &tags)
        while let first = body.first, first == .rule { body.removeFirst() }
        while let last = body.last, last == .rule { body.removeLast() }

        var authors = fm.list("author", "authors", "byline", "creator").map(Self.cleanAuthor).filter { !$0.isEmpty }
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
           case .paragraph(let inlines) = body[index], Self.length(inlines) < 400, let byline = Byline.parse(inlines.plainText) {
            if authors.isEmpty { authors = [byline.author] }
            if date == nil { date = byline.date }
            if source == nil, byline.others.count == 1 { source = byline.others[0] }
            body.remove(at: index)
        }
        if source == nil, let u = url { source = SourceName.fromURL(u) }
        if source == nil, let s = fm.string("source"), !s.hasPrefix("http") { source = s }

        let (renumbered, urls) = Self.renumberLinks(body, urls: links.urls)
        return Article(
            title: title.map(TextCleanup.collapseWhitespace).flatMap { $0.isEmpty ? nil : $0 } ?? Extractors.title(fromFileName: fileName),
            subtitle: subtitle.map { TextCleanup.collapseWhitespace(HTMLEntities.decode($0)) }.flatMap { $0.isEmpty ? nil : $0 },
            author: authors.isEmpty ? nil : authors.joined(separator: ", "),
            date: date, source: source, url: url,
            tags: tags,
            body: renumbered, links: urls, format: .markdown, notes: note.map { [$0] } ?? [])
    }

    /// Bytes of text in the runs, without joining them.
    static func length(_ inlines: [Inline]) -> Int { inlines.reduce(0) { $0 + $1.text.utf8.count } }

    /// The front matter's title and the first heading say the same, perhaps with the site's
    /// name after a bar ("Title | Site").
    static func sameTitle(_ title: String, _ heading: String) -> Bool {
        let t = Attribution.letters(title), h = Attribution.letters(heading)
        return t == h || !t.isEmpty && h.hasPrefix(t) && TitleSplit.split(heading).site != nil
    }

    /// "[[Ana Ruiz]]", "By Ana Ruiz", "Ana Ruiz (Reporter)" -> "Ana Ruiz".
    static func cleanAuthor(_ raw: String) -> String {
        var name = FrontMatter.clean(TextCleanup.collapseWhitespace(raw))
        for prefix in ["By ", "by ", "BY ", "Von ", "Par ", "Por "] where name.hasPrefix(prefix) { name = String(name.dropFirst(prefix.count)) }
        return Byline.nameCase(name.trimmingScalars(in: " ,;"))
    }

    /// Numbers links in the order the final body shows them, dropping links that were
    /// only in lines removed above (clipper links, the source line).
    static func renumberLinks(_ body: [Block], urls: [String]) -> ([Block], [String]) {
        var map: [Int: Int] = [:]
        var kept: [String] = []
        func number(_ old: Int?) -> Int? {
            guard let old, old >= 1, old <= urls.count else { return nil }
            if let n = map[old] { return n }
            kept.append(urls[old - 1])
            map[old] = kept.count
            return kept.count
        }
        func inlines(_ runs: [Inline]) -> [Inline] {
            // Runs without a link, or a link style, stay as they are: nothing to renumber or remove.
            if runs.allSatisfy({ $0.linkNumber == nil && !$0.style.contains(.link) }) { return runs }
            return runs.map { var r = $0; r.linkNumber = number($0.linkNumber); if r.linkNumber == nil { r.style.remove(.link) }; return r }
        }
        func block(_ b: Block) -> Block {
            switch b {
            case .paragraph(let r): return .paragraph(inlines(r))
            case .heading(let level, let r): return .heading(level: level, inlines(r))
            case .quote(let blocks): return .quote(blocks.map(block))
            case .list(let ordered, let start, let items): return .list(ordered: ordered, start: start, items: items.map { $0.map(block) })
            case .table(let rows, let header): return .table(rows: rows.map { $0.map(inlines) }, hasHeader: header)
            case .code, .rule, .image: return b
            }
        }
        let result = body.map(block)
        return (result, kept)
    }

    /// Lines clippers add above the article: Omnivore's "#Omnivore" tag line and its
    /// "[Read on Omnivore](…) [Read Original](…)" links.
    static func dropClipperLines(_ body: inout [Block], tags: inout [String]) {
        var index = 0
        while index < min(body.count, 4) {
            if case .heading(_, let text) = body[index], text.plainText.quickLowercased() == "content" {
                body.remove(at: index)  // Omnivore's "## Content" above the article
                continue
            }
            guard case .paragraph(let inlines) = body[index], Self.length(inlines) < 2000 else { index += 1; continue }
            // Neither a tag line nor clipper links: no link, and the first run starts with
            // printable ASCII other than "#" (the first Character that is not whitespace).
            if let b = inlines.first?.text.utf8.first, b > 0x20, b < 0x7F, b != 0x23, inlines.allSatisfy({ $0.linkNumber == nil }) {
                index += 1
                continue
            }
            let text = inlines.plainText
            // Tag lines start with "#": only those are split into words.
            let words = text.first(where: { !$0.isWhitespace }) == "#" ? text.split(whereSeparator: \.isWhitespace) : []
            if !words.isEmpty, words.allSatisfy({ $0.hasPrefix("#") && $0.count > 1 }) {
                tags += words.map { String($0.dropFirst()) }.filter { !tags.contains($0) }
                body.remove(at: index)
                continue
            }
            let links = inlines.filter { $0.linkNumber != nil }
            let allLinks = inlines.allSatisfy { $0.linkNumber != nil || $0.text.allSatisfy(\.isWhitespace) }
            let readLabels = ["read on ", "read original", "view original", "open original", "original article", "view on "]
            if !links.isEmpty, allLinks, links.allSatisfy({ link in readLabels.contains { link.text.quickLowercased().hasPrefix($0) } }) {
                body.remove(at: index)
                continue
            }
            index += 1
        }
    }

    /// `url.quickLowercased().hasPrefix("http")`, on bytes when the first five are ASCII:
    /// then the first four Characters are those bytes, and only "H", "T", "P" (or the letters
    /// themselves) lower-case to "h", "t", "p". Other text goes the Character way.
    static func startsWithHTTP(_ url: String) -> Bool {
        let utf8 = url.utf8
        var bytes = utf8.makeIterator()
        var head: [UInt8] = []
        head.reserveCapacity(5)
        while head.count < 5, let b = bytes.next() { head.append(b) }
        if head.allSatisfy({ $0 < 0x80 }) {
            guard head.count >= 4 else { return false }
            return head[0] | 0x20 == 0x68 && head[1] | 0x20 == 0x74 && head[2] | 0x20 == 0x74 && head[3] | 0x20 == 0x70
        }
        return url.quickLowercased().hasPrefix("http")
    }

    /// MarkDownload's `> ## Excerpt` block.
    static func isExcerptQuote(_ block: Block) -> Bool {
        guard case .quote(let inner) = block, case .heading(_, let text)? = inner.first else { return false }
        return text.plainText.quickLowercased() == "excerpt"
    }

    /// A "Source: https://…" or "URL: …" paragraph near the top.
    static func sourceLine(in body: [Block]) -> (Int, String)? {
        for (index, block) in body.prefix(4).enumerated() {
            guard case .paragraph(let inlines) = block, Self.length(inlines) < 2000 else { continue }
            let text = inlines.plainText.trimmingSpaces()
            // Each label starts with "S", "U", "O" or "C", letters no other scalar is canonically equal to.
            guard let first = text.utf8.first, first == 0x53 || first == 0x55 || first == 0x4F || first == 0x43 else { continue }
            for prefix in ["Source:", "URL:", "Original:", "Clipped from:", "Saved from:"] where text.hasPrefix(prefix) {
                let rest = text.dropFirst(prefix.count).trimmingSpaces()
                if rest.hasPrefix("http"), !rest.contains(" ") { return (index, rest) }
            }
        }
        return nil
    }
}
