/// Scores the elements of a page by how much article-like text sits below
/// them. Every paragraph of 25 characters or more scores 1, plus one per comma,
/// plus one per 100 characters (at most 3); the score goes in full to its
/// parent, half to its grandparent and a third or less further up (five levels
/// at most). Each element that receives a score starts from its tag (a `div`
/// is likely a container, a list item or heading is not), its class and id
/// words and `itemprop="articleBody"`, and its total is scaled down by its
/// link density.
///
/// Paragraphs are `<p>`, `<pre>`, `<h2>`…`<h6>`, `<div>`s, `<section>`s and
/// table cells holding only inline content, and stretches of inline content
/// inside containers that also hold blocks or are split by double `<br>`s.
struct ContentScorer {
    let page: PageIndex
    let alive: [Bool]
    let figures: PageFigures
    let flags: ExtractionFlags

    /// Final scores (after the link-density scaling) of the elements that received one.
    private(set) var score: [Double]
    private(set) var candidates: [Int] = []
    /// `<div>`s with only inline content, read as paragraphs.
    private(set) var readsAsParagraph: [Bool]
    /// `<div>`s wrapping a single `<p>` and nothing else: they stand for that paragraph.
    private(set) var wrapsParagraph: [Bool]
    /// Inline stretches inside containers that also hold blocks, by container.
    private(set) var runs: [Int: [PhrasingRun]] = [:]

    static let minimumParagraph = 25

    init(page: PageIndex, alive: [Bool], figures: PageFigures, flags: ExtractionFlags) {
        self.page = page
        self.alive = alive
        self.figures = figures
        self.flags = flags
        score = [Double](repeating: -.infinity, count: page.count)
        readsAsParagraph = [Bool](repeating: false, count: page.count)
        wrapsParagraph = [Bool](repeating: false, count: page.count)
        scoreParagraphs()
        for c in candidates { score[c] *= 1 - figures.linkDensity(c) }
    }

    func isCandidate(_ i: Int) -> Bool { score[i] > -.infinity }

    /// The score an element starts with, from its tag and its class and id.
    func initialScore(_ i: Int) -> Double {
        var value: Double
        switch page.tags[i] {
        case .div where !readsAsParagraph[i]: value = 5
        case .pre, .td, .blockquote: value = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: value = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: value = -5
        default: value = 0
        }
        if flags.contains(.weightClasses) {
            value += Double(page.hints[i].weight)
            // Microdata naming the article's text.
            if page.nodes[i].attributes["itemprop"] == "articleBody" { value += 25 }
        }
        return value
    }

    /// The parent as the scorer sees it: a `div` that only wraps this paragraph is skipped.
    func parent(of i: Int) -> Int {
        var p = page.parents[i]
        while p >= 0 && wrapsParagraph[p] { p = page.parents[p] }
        return p
    }

    private mutating func scoreParagraphs() {
        for i in page.body..<page.count where alive[i] {
            switch page.tags[i] {
            case .p, .pre, .h2, .h3, .h4, .h5, .h6:
                add(paragraphScore(text: figures.text[i], commas: figures.commas[i]), from: parent(of: i))
            case .section, .td:
                // A cell or section of running text reads as a paragraph; one of blocks holds paragraphs.
                if figures.blockBelow[i] { scoreRuns(in: i) } else { add(paragraphScore(text: figures.text[i], commas: figures.commas[i]), from: parent(of: i)) }
            case .div:
                if wrapsSingleParagraph(i) {
                    wrapsParagraph[i] = true
                } else if !figures.blockBelow[i] && !hasDoubleBreak(i) {
                    readsAsParagraph[i] = true
                    add(paragraphScore(text: figures.text[i], commas: figures.commas[i]), from: parent(of: i))
                } else {
                    scoreRuns(in: i)
                }
            case .article, .main, .center:
                if figures.blockBelow[i] { scoreRuns(in: i) }
            default:
                break
            }
        }
    }

    private mutating func scoreRuns(in container: Int) {
        let found = PhrasingRun.runs(in: container, page, alive: alive, figures: figures)
        guard !found.isEmpty else { return }
        runs[container] = found
        for run in found { add(paragraphScore(text: run.text, commas: run.commas), from: container) }
    }

    private func wrapsSingleParagraph(_ i: Int) -> Bool {
        var only = -1
        for child in page.nodes[i].children {
            switch child.kind {
            case .comment: continue
            case .text: if child.textFigures.length > 0 { return false }
            case .element:
                guard alive[child.index] else { continue }
                if only >= 0 { return false }
                only = child.index
            }
        }
        return only >= 0 && page.tags[only] == .p && figures.linkDensity(i) < 0.25
    }

    /// Two `<br>`s in a row (whitespace between them aside): paragraphs written with line breaks.
    private func hasDoubleBreak(_ i: Int) -> Bool {
        var lastWasBreak = false
        for child in page.nodes[i].children {
            switch child.kind {
            case .comment: continue
            case .text: if child.textFigures.length > 0 { lastWasBreak = false }
            case .element:
                guard page.tags[child.index] == .br else { lastWasBreak = false; continue }
                if lastWasBreak { return true }
                lastWasBreak = true
            }
        }
        return false
    }

    private func paragraphScore(text: Int, commas: Int) -> Double? {
        guard text >= Self.minimumParagraph else { return nil }
        return 1 + Double(commas + 1) + Double(min(text / 100, 3))
    }

    /// Adds a paragraph's score to `first` (its parent) and up to four more ancestors.
    private mutating func add(_ value: Double?, from first: Int) {
        guard let value else { return }
        var ancestor = first
        var level = 0
        while ancestor >= 0 && level < 5 {
            guard page.parents[ancestor] >= 0 else { break }  // not the root element
            if !isCandidate(ancestor) {
                score[ancestor] = initialScore(ancestor)
                candidates.append(ancestor)
            }
            let divider: Double = level == 0 ? 1 : level == 1 ? 2 : Double(level * 3)
            score[ancestor] += value / divider
            ancestor = parent(of: ancestor)
            level += 1
        }
    }
}
