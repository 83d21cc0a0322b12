/// Decides which elements take no part in an attempt: things never shown
/// (scripts, hidden elements), the byline and the headline (shown in the
/// header), navigation, and — when the flag is set — elements whose class or
/// id says they are page furniture.
enum PagePruner {
    /// `alive[i]` is false for removed elements and everything below them.
    static func alive(_ page: PageIndex, flags: ExtractionFlags, title: String?) -> [Bool] {
        var alive = [Bool](repeating: false, count: page.count)
        var bylineFound = false
        var titleFound = title == nil
        var textStarted = false  // a heading after the first paragraph is a section title
        let titleWords = title.map(TitleMatch.words) ?? []
        alive[page.body] = true
        for i in (page.body + 1)..<max(page.body + 1, page.count) {
            let parent = page.parents[i]
            guard parent >= 0, alive[parent], parent >= page.body else { continue }
            let tag = page.tags[i]
            let node = page.nodes[i]
            if tag.isIgnored || tag == .nav || page.hidden[i] { continue }
            if node.attributes["aria-modal"] == "true" && node.attributes["role"] == "dialog" { continue }
            let hints = page.hints[i]
            if !bylineFound, isByline(node, hints: hints), page.fullText[i] > 0, page.fullText[i] < 100 {
                bylineFound = true
                continue
            }
            if tag == .p && page.fullText[i] >= 100 { textStarted = true }
            if !titleFound, !textStarted, tag == .h1 || tag == .h2, TitleMatch.similarity(titleWords, TitleMatch.words(node.textContent)) > 0.75 {
                titleFound = true
                continue
            }
            if flags.contains(.stripUnlikely) && tag != .a && tag != .body && tag != .article && tag != .main {
                if hints.unlikely && !page.isMostlyQuote(i) && !page.hasAncestor(i, tag: .table) && !page.hasAncestor(i, tag: .code) { continue }
                if let role = node.attributes["role"], unlikelyRoles.contains(role) { continue }
            }
            alive[i] = true
        }
        return alive
    }

    static let unlikelyRoles: Set<String> = ["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"]

    static func isByline(_ node: HTMLNode, hints: ClassHints) -> Bool {
        if hints.byline { return true }
        if node.attributes["rel"] == "author" { return true }
        if let prop = node.attributes["itemprop"], prop.contains("author") { return true }
        return false
    }
}

/// How much a heading repeats the article's title, by words.
enum TitleMatch {
    static func words(_ text: String) -> [Substring] {
        text.quickLowercased().split { !$0.isLetter && !$0.isNumber }
    }

    /// 1 when every word of `b` is in `a`, less the more of `b` is new.
    static func similarity(_ a: [Substring], _ b: [Substring]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let known = Set(a)
        let all = b.reduce(0) { $0 + $1.count } + b.count - 1
        let newWords = b.filter { !known.contains($0) }
        let unique = newWords.isEmpty ? 0 : newWords.reduce(0) { $0 + $1.count } + newWords.count - 1
        return 1 - Double(unique) / Double(all)
    }
}
