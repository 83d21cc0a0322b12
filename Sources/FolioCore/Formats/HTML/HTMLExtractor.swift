/// Saved HTML pages, parsed with libxml2: metadata from the head (`HTMLMetadata`),
/// the article found by `ArticleBodyFinder`, rendered as blocks (`HTMLRenderer`)
/// without the headline and byline the reader shows in its header (`LeadTrimmer`).
public struct HTMLExtractor: ArticleExtractor {
    public init() {}

    public func extract(from bytes: [UInt8], fileName: String) throws(ExtractionError) -> Article {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty }
        if !bytes.starts(with: [0xFF, 0xFE]) && !bytes.starts(with: [0xFE, 0xFF]) && TextDecoding.looksBinary(bytes) { throw .binary }
        if case .failure(let missing) = LibXML2.loaded { throw .unreadable(missing.description) }
        guard let parsed = HTMLParser.parse(bytes, encoding: HTMLCharset.detect(bytes)) else {
            throw .unreadable("could not parse HTML")
        }
        let page = PageIndex(nodes: parsed.elements, parents: parsed.parents)
        let meta = HTMLMetadata(page: page, topComments: parsed.topComments)
        let links = LinkTable()
        let content = ArticleBodyFinder.find(in: page, title: meta.title)
        var body = HTMLRenderer(links: links, skip: { !content.keeps($0) }).render(content)
        let title = meta.title ?? Extractors.title(fromFileName: fileName)
        body = LeadTrimmer.trim(body, title: title, author: meta.author)
        return Article(title: title, subtitle: meta.subtitle, author: meta.author, date: meta.date, source: meta.source,
                       url: meta.url, tags: meta.tags, body: body, links: links.urls, format: .html)
    }
}
