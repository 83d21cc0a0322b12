/// Picks the element that holds the article from the scored candidates, then
/// the siblings that belong with it.
///
/// The best-scoring candidate wins, but the article may be in parts: when
/// several other top candidates score nearly as well and share an ancestor, or
/// when blocks elsewhere carry the candidate's very class, the ancestor holding
/// them all is taken instead. Walking up, a parent whose score rises above the
/// candidate's is taken too. Then each sibling joins when its own score is high
/// enough (more easily when it shares the candidate's class), or when it is a
/// paragraph of plain text with few links — except that an `<article>` stands
/// alone, without the teasers of other posts around it.
struct CandidateSelection {
    let page: PageIndex
    let alive: [Bool]
    let figures: PageFigures
    let scorer: ContentScorer

    static let topCount = 5

    /// The top candidate, or nil when no element scored (use the whole body then).
    func topCandidate() -> Int? {
        var top: [Int] = []
        for c in scorer.candidates {
            let s = scorer.score[c]
            let position = top.firstIndex { s > scorer.score[$0] } ?? top.count
            if position < Self.topCount { top.insert(c, at: position) }
            if top.count > Self.topCount { top.removeLast() }
        }
        guard var best = top.first, best != page.body else { return nil }
        let bestScore = scorer.score[best]

        // Several near-equal candidates under one ancestor: the article is in parts.
        let close = top.dropFirst().filter { scorer.score[$0] / bestScore >= 0.75 }
        if close.count >= 3 {
            var ancestor = scorer.parent(of: best)
            while ancestor >= 0 && ancestor != page.body {
                if close.filter({ page.isAncestor(ancestor, of: $0) }).count >= 3 {
                    best = ancestor
                    break
                }
                ancestor = scorer.parent(of: ancestor)
            }
        }

        // Blocks elsewhere with the very same class as the candidate are more parts of
        // the article (split by figures or pull quotes): take the ancestor holding them all.
        let joined = joiningTwins(of: best, score: bestScore)

        // A parent that scores better than the candidate holds more of the article
        // (not needed when the parts were joined already).
        var parent = scorer.parent(of: best)
        var lastScore = scorer.isCandidate(best) ? scorer.score[best] : 0
        let threshold = lastScore / 3
        while joined == best && parent >= 0 && parent != page.body {
            if !scorer.isCandidate(parent) { parent = scorer.parent(of: parent); continue }
            let parentScore = scorer.score[parent]
            if parentScore < threshold { break }
            if parentScore > lastScore { best = parent; break }
            lastScore = parentScore
            parent = scorer.parent(of: parent)
        }

        best = joined

        // An only child: take the parent, so that its siblings are looked at.
        parent = scorer.parent(of: best)
        while parent >= 0 && parent != page.body && elementChildren(of: parent).count == 1 {
            best = parent
            parent = scorer.parent(of: best)
        }
        return best
    }

    private func joiningTwins(of best: Int, score bestScore: Double) -> Int {
        guard let cls = page.nodes[best].attributes["class"], !cls.isEmpty else { return best }
        let home = enclosingArticle(best)
        var joined = best
        for c in scorer.candidates where c != best && scorer.score[c] >= 0.2 * bestScore {
            guard page.nodes[c].attributes["class"] == cls, enclosingArticle(c) == home,
                  !page.isAncestor(c, of: best), !page.isAncestor(best, of: c) else { continue }
            joined = commonAncestor(joined, c)
        }
        return joined == page.body || joined == page.parents[page.body] ? best : joined
    }

    private func enclosingArticle(_ i: Int) -> Int {
        var p = page.parents[i]
        while p >= 0 && page.tags[p] != .article { p = page.parents[p] }
        return p
    }

    private func commonAncestor(_ a: Int, _ b: Int) -> Int {
        var p = a
        while p >= 0 && p != b && !page.isAncestor(p, of: b) { p = page.parents[p] }
        return p < 0 ? page.body : p
    }

    /// The candidate and those of its siblings that belong to the article, in page order.
    func content(around top: Int) -> [ContentItem] {
        let parent = page.parents[top]
        guard parent >= 0 else { return [.element(top)] }
        let topScore = scorer.isCandidate(top) ? scorer.score[top] : 0
        let threshold = max(10, topScore * 0.2)
        let topClass = page.nodes[top].attributes["class"] ?? ""
        // An article (and not a broken one holding others) is complete in itself.
        let standsAlone = page.tags[top] == .article && !((top + 1)..<page.ends[top]).contains { page.tags[$0] == .article }
        var chosen: [ContentItem] = []
        for item in items(of: parent) {
            switch item {
            case .element(let i) where i == top:
                chosen.append(item)
            case .element(let i) where standsAlone && holdsArticles(i):
                continue  // an article stands alone: other posts next to it are teasers
            case .element(let i):
                var bonus = 0.0
                if !topClass.isEmpty && page.nodes[i].attributes["class"] == topClass { bonus += topScore * 0.2 }
                if scorer.isCandidate(i) && scorer.score[i] + bonus >= threshold {
                    chosen.append(item)
                } else if page.tags[i] == .p || scorer.readsAsParagraph[i] || scorer.wrapsParagraph[i] {
                    if isPlainParagraph(length: figures.text[i], linkDensity: figures.linkDensity(i), text: { page.nodes[i].textContent }) {
                        chosen.append(item)
                    }
                }
            case .run(let run):
                if isPlainParagraph(length: run.text, linkDensity: run.linkDensity, text: { Self.text(of: page.nodes[run.container], run.range) }) {
                    chosen.append(item)
                }
            }
        }
        return chosen
    }

    private func holdsArticles(_ i: Int) -> Bool {
        (i..<page.ends[i]).contains { page.tags[$0] == .article }
    }

    /// A paragraph long enough with few links, or a short sentence with none.
    private func isPlainParagraph(length: Int, linkDensity: Double, text: () -> String) -> Bool {
        if length > 80 { return linkDensity < 0.25 }
        guard length > 0, linkDensity == 0 else { return false }
        let t = TextCleanup.collapseWhitespace(text())
        return t.hasSuffix(".") || t.contains(". ")
    }

    /// The element children still in play, with the inline stretches between them.
    func items(of parent: Int) -> [ContentItem] {
        var result: [ContentItem] = []
        let runs = scorer.runs[parent] ?? []
        var nextRun = 0
        for (position, child) in page.nodes[parent].children.enumerated() {
            if nextRun < runs.count, runs[nextRun].range.lowerBound == position {
                result.append(.run(runs[nextRun]))
                nextRun += 1
            }
            guard child.kind == .element, alive[child.index] else { continue }
            if nextRun > 0, runs[nextRun - 1].range.contains(position) { continue }
            result.append(.element(child.index))
        }
        return result
    }

    func elementChildren(of parent: Int) -> [Int] {
        page.nodes[parent].children.compactMap { $0.kind == .element && alive[$0.index] ? $0.index : nil }
    }

    static func text(of node: HTMLNode, _ range: Range<Int>) -> String {
        node.children[range].map(\.textContent).joined()
    }
}
