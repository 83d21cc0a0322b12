/// Drops what the top of a rendered body repeats from the reader's header: the
/// headline (a heading, or a bold line on older pages), with a kicker or section
/// label above it ("Chess"), then a byline just below it.
enum LeadTrimmer {
    static func trim(_ body: [Block], title: String, author: String?) -> [Block] {
        var body = body
        let headline = normalized(title)
        if let index = body.prefix(3).firstIndex(where: { isHeadline($0, headline) }),
           body[..<index].allSatisfy({ WordCount.count($0.plainText) <= 4 }) {
            body.removeFirst(index + 1)
        }
        for index in body.indices.prefix(2).reversed() {
            guard case .paragraph(let text) = body[index] else { continue }
            let plain = text.plainText
            // Fewer than 120 Characters, counted no further than the 120th.
            if let author, plain.index(plain.startIndex, offsetBy: 120, limitedBy: plain.endIndex) == nil, plain.contains(author) { body.remove(at: index) }
        }
        return body
    }

    private static func isHeadline(_ block: Block, _ headline: String) -> Bool {
        switch block {
        case .heading(_, let text), .paragraph(let text): return !headline.isEmpty && normalized(text.plainText) == headline
        default: return false
        }
    }

    /// Lower case, whitespace collapsed.
    private static func normalized(_ text: String) -> String {
        TextCleanup.collapseWhitespace(text).quickLowercased()
    }
}
