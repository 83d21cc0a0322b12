/// The article's part of a page: the content items to render, and which
/// elements below them to leave out.
struct ArticleContent {
    let page: PageIndex
    let items: [ContentItem]
    let alive: [Bool]
    let removed: Set<Int>
    /// Length of the text that survives, whitespace collapsed.
    let textLength: Int

    /// Whether `node` (an element) is part of the article.
    func keeps(_ node: HTMLNode) -> Bool {
        node.index >= 0 && node.index < alive.count && alive[node.index] && !removed.contains(node.index)
    }
}

/// How hard an extraction attempt filters the page. The first attempt uses all
/// of them; when too little text survives, later attempts drop them one by one.
struct ExtractionFlags: OptionSet {
    let rawValue: Int
    /// Drop elements whose class or id names page furniture before scoring.
    static let stripUnlikely = ExtractionFlags(rawValue: 1)
    /// Let class and id words add to or take from an element's score.
    static let weightClasses = ExtractionFlags(rawValue: 2)
    /// Drop link lists, forms and image strips from inside the chosen content.
    static let cleanConditionally = ExtractionFlags(rawValue: 4)
    static let all: ExtractionFlags = [.stripUnlikely, .weightClasses, .cleanConditionally]
}

/// Finds the article in a page, readability-style: prune, score paragraphs
/// into their ancestors, pick the best candidate and its siblings, clean it.
/// When fewer than 500 characters survive, it tries again filtering less
/// (first keeping "unlikely" elements, then ignoring class words, then without
/// the conditional cleaning); a later attempt replaces the earlier one only
/// when it finds more than twice the text.
enum ArticleBodyFinder {
    static let enoughText = 500

    static func find(in page: PageIndex, title: String?) -> ArticleContent {
        var best = extract(page, flags: .all, title: title)
        for flags: ExtractionFlags in [[.weightClasses, .cleanConditionally], [.cleanConditionally], []] {
            if best.textLength >= enoughText { break }
            // Filtering less is only worth it when it finds much more text: a short
            // article is not made longer by letting its page furniture back in.
            let attempt = extract(page, flags: flags, title: title)
            if attempt.textLength > 2 * best.textLength { best = attempt }
        }
        return best
    }

    static func extract(_ page: PageIndex, flags: ExtractionFlags, title: String?) -> ArticleContent {
        let alive = PagePruner.alive(page, flags: flags, title: title)
        let figures = PageFigures(page, alive: alive)
        let scorer = ContentScorer(page: page, alive: alive, figures: figures, flags: flags)
        let selection = CandidateSelection(page: page, alive: alive, figures: figures, scorer: scorer)
        let top = selection.topCandidate()
        let items = top.map(selection.content(around:)) ?? [.element(page.body)]
        let cleaner = ContentCleaner(page: page, alive: alive, figures: figures, scorer: scorer, flags: flags, items: items, top: top ?? page.body)
        return ArticleContent(page: page, items: items, alive: alive, removed: cleaner.removed, textLength: cleaner.textLength)
    }
}
