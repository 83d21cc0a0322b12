/// Page furniture that sits inside the article's container: captions and photo
/// credits, the article's own header (headline, byline, dateline), galleries,
/// author boxes, related links, teaser cards of other posts, and comments
/// written as nested articles. Never removed when it is most of the content.
extension ContentCleaner {
    /// Captions, headers, datelines, galleries, related links and the like inside the
    /// content, as long as they are not most of it.
    func isFurniture(_ i: Int, tag: ElementTag, hints: ClassHints, text: Int) -> Bool {
        if tag == .figcaption { return true }
        guard Double(text) < 0.5 * Double(contentText) else { return false }
        if tag == .header { return true }
        // An article inside an article: a comment, or a teaser of another post.
        if tag == .article && hasArticleAncestor(i) { return true }
        if isTeaserList(i) { return true }
        return (hints.boilerplate || hints.byline) && !page.isMostlyQuote(i)
    }

    /// Three or more blocks of one class, each short and with a link, making up most of
    /// the element: cards that lead to other articles.
    func isTeaserList(_ i: Int) -> Bool {
        guard figures.text[i] > 0, page.nodes[i].children.count >= 3 else { return false }
        var groups: [String: (count: Int, text: Int)] = [:]
        for child in page.nodes[i].children where child.kind == .element && alive[child.index] {
            let c = child.index
            guard let cls = child.attributes["class"], !cls.isEmpty, figures.text[c] > 0, figures.text[c] < 400,
                  figures.link[c] >= 0.1 * Double(figures.text[c]) else { continue }
            groups[cls, default: (0, 0)].count += 1
            groups[cls, default: (0, 0)].text += figures.text[c]
        }
        return groups.values.contains { $0.count >= 3 && Double($0.text) >= 0.6 * Double(figures.text[i]) }
    }

    func hasArticleAncestor(_ i: Int) -> Bool {
        var p = page.parents[i]
        while p >= 0 {
            if page.tags[p] == .article { return true }
            p = page.parents[p]
        }
        return false
    }
}
