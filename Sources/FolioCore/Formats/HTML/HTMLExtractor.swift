/// Saved HTML pages, parsed with libxml2: metadata from the head, the article
/// from the main content element, rendered as blocks.
public struct HTMLExtractor: ArticleExtractor {
    public init() {}

    public func extract(from bytes: [UInt8], fileName: String) throws(ExtractionError) -> Article {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty }
        if !bytes.starts(with: [0xFF, 0xFE]) && !bytes.starts(with: [0xFE, 0xFF]) && TextDecoding.looksBinary(bytes) { throw .binary }
        guard let parsed = HTMLParser.parse(bytes, encoding: HTMLCharset.detect(bytes)) else {
            throw .unreadable("could not parse HTML")
        }
        let meta = HTMLMetadata(root: parsed.root, topComments: parsed.topComments)
        let links = LinkTable()
        let main = HTMLContentFinder.mainElement(parsed.root)
        var body = HTMLRenderer(links: links, skip: HTMLContentFinder.isBoilerplate).render(main)
        let title = meta.title ?? Extractors.title(fromFileName: fileName)
        // The headline is shown in the header; drop it from the top of the body, with a
        // kicker or section label above it ("Chess"), then a dek or byline just below it.
        if let index = body.prefix(3).firstIndex(where: { if case .heading(_, let text) = $0 { return text.plainText == title }; return false }),
           body[..<index].allSatisfy({ WordCount.count($0.plainText) <= 4 }) {
            body.removeFirst(index + 1)
        }
        for index in body.indices.prefix(2).reversed() {
            guard case .paragraph(let text) = body[index] else { continue }
            let plain = text.plainText
            if plain == meta.subtitle || meta.author.map({ plain.count < 120 && plain.contains($0) }) == true { body.remove(at: index) }
        }
        return Article(title: title, subtitle: meta.subtitle, author: meta.author, date: meta.date, source: meta.source,
                       url: meta.url, tags: meta.tags, body: body, links: links.urls, format: .html)
    }
}
