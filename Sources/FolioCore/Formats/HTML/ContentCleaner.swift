/// Removes what is not article from inside the chosen content: footers,
/// asides, share bars, headings with a furniture class, page furniture that
/// sits inside the article (see `isFurniture`), and — when the flag is set —
/// containers that look like link lists, forms, image strips or embeds rather
/// than text (few commas, more list items than paragraphs, many links, inputs,
/// little text). Quotations stay, whatever their class says.
///
/// Works bottom-up, so that a container is judged without what was already
/// removed inside it.
struct ContentCleaner {
    let page: PageIndex
    let alive: [Bool]
    let figures: PageFigures
    let scorer: ContentScorer
    let flags: ExtractionFlags
    let top: Int

    /// Elements removed from the content.
    private(set) var removed: Set<Int> = []
    /// Length of the text that survives.
    private(set) var textLength = 0
    /// Tables in the content that hold data rather than layout.
    private var dataTables: Set<Int> = []
    /// Length of all the content's text before cleaning.
    private(set) var contentText = 0

    private struct Counts {
        var text = 0, commas = 0, paragraphs = 0, images = 0, items = 0, inputs = 0, embeds = 0
        var link = 0.0, headingText = 0, listText = 0

        mutating func add(_ other: Counts) {
            text += other.text; commas += other.commas; paragraphs += other.paragraphs; images += other.images
            items += other.items; inputs += other.inputs; embeds += other.embeds; link += other.link
            headingText += other.headingText; listText += other.listText
        }
    }

    /// `top` is the element the content was built around; the other items are siblings
    /// that joined it (or, without a top candidate, everything in the body).
    init(page: PageIndex, alive: [Bool], figures: PageFigures, scorer: ContentScorer, flags: ExtractionFlags, items: [ContentItem], top: Int?) {
        self.top = top ?? -1
        self.page = page
        self.alive = alive
        self.figures = figures
        self.scorer = scorer
        self.flags = flags
        var roots: Set<Int> = []
        for item in items { if case .element(let i) = item { roots.insert(i) } }
        for item in items {
            switch item {
            case .element(let i): contentText += figures.text[i]
            case .run(let run): contentText += run.text
            }
        }
        for item in items {
            let subtrees: [Int]
            switch item {
            case .element(let i): subtrees = [i]
            case .run(let run): subtrees = page.nodes[run.container].children[run.range].compactMap { $0.kind == .element ? $0.index : nil }
            }
            for root in subtrees {
                for j in root..<page.ends[root] where page.tags[j] == .table && DataTable.isData(j, page) { dataTables.insert(j) }
            }
        }
        for item in items {
            switch item {
            case .element(let i):
                textLength += clean(i, roots: roots).text
            case .run(let run):
                for child in page.nodes[run.container].children[run.range] {
                    if child.kind == .text { textLength += child.textFigures.length }
                    if child.kind == .element, alive[child.index] { textLength += clean(child.index, roots: roots).text }
                }
            }
        }
    }

    /// Cleans the subtree of `root` and returns the figures of what is left.
    private mutating func clean(_ root: Int, roots: Set<Int>) -> Counts {
        var counts: [Int: Counts] = [:]
        var result = Counts()
        for i in stride(from: page.ends[root] - 1, through: root, by: -1) where alive[i] {
            var c = counts.removeValue(forKey: i) ?? Counts()
            let tag = page.tags[i]
            c.text += page.ownText[i]
            c.commas += page.ownCommas[i]
            switch tag {
            case .a:
                let href = page.nodes[i].attributes["href"] ?? ""
                c.link = Double(c.text) * (href.hasPrefix("#") && href.count > 1 ? 0.3 : 1)
            case .p: c.paragraphs += 1
            case .div where scorer.readsAsParagraph[i]: c.paragraphs += 1
            case .img: c.images += 1
            case .li: c.items += 1
            case .input: c.inputs += 1
            case .embed, .object, .iframe: c.embeds += 1
            case .h1, .h2, .h3, .h4, .h5, .h6: c.headingText = c.text
            case .ul, .ol: c.listText = c.text
            default: break
            }
            c.paragraphs += scorer.runs[i]?.count ?? 0
            if shouldRemove(i, c, isRoot: roots.contains(i)) {
                removed.insert(i)
                continue
            }
            if i == root { result = c; break }
            counts[page.parents[i], default: Counts()].add(c)
        }
        return result
    }

    private func shouldRemove(_ i: Int, _ c: Counts, isRoot: Bool) -> Bool {
        let tag = page.tags[i]
        let hints = page.hints[i]
        switch tag {
        case .footer, .aside, .object, .embed, .iframe, .input, .textarea, .select, .button, .link: return true
        default: break
        }
        if hints.share && !isRoot && c.text < 500 { return true }
        if i != top && isFurniture(i, tag: tag, hints: hints, text: c.text) { return true }
        let weight = flags.contains(.weightClasses) ? hints.weight : 0
        if (tag == .h1 || tag == .h2) && weight < 0 { return true }
        guard flags.contains(.cleanConditionally) else { return false }
        switch tag {
        case .form, .fieldset, .table, .ul: break
        case .div where !scorer.readsAsParagraph[i] && !scorer.wrapsParagraph[i]: break
        default: return false
        }
        if tag == .table && dataTables.contains(i) { return false }
        if insideDataTable(i) || page.hasAncestor(i, tag: .code) || page.isMostlyQuote(i) { return false }
        if weight < 0 { return true }
        guard c.commas < 10 else { return false }
        let isList = tag == .ul || tag == .ol || (c.text > 0 && Double(c.listText) / Double(c.text) > 0.9)
        let inFigure = page.hasAncestor(i, tag: .figure)
        let headingDensity = c.text == 0 ? 0 : Double(c.headingText) / Double(c.text)
        let linkDensity = c.text == 0 ? 0 : c.link / Double(c.text)
        let p = Double(c.paragraphs)
        let remove = (c.images > 1 && p / Double(c.images) < 0.5 && !inFigure)
            || (!isList && c.items - 100 > c.paragraphs)
            || (c.inputs > c.paragraphs / 3)
            || (!isList && headingDensity < 0.9 && c.text < 25 && (c.images == 0 || c.images > 2) && !inFigure)
            || (!isList && weight < 25 && linkDensity > 0.2)
            || (weight >= 25 && linkDensity > 0.5)
            || (isList && linkDensity > 0.7)  // a list of links: related stories, tags, navigation
            || (c.embeds == 1 && c.text < 75) || c.embeds > 1
        if remove && isList && c.images == c.items && c.items > 0 { return false }  // a list of pictures
        return remove
    }

    private func insideDataTable(_ i: Int) -> Bool {
        var p = page.parents[i]
        while p >= 0 {
            if dataTables.contains(p) { return true }
            p = page.parents[p]
        }
        return false
    }
}
