/// Text, link text and commas below every element still in play in an
/// attempt, summed bottom-up in one pass (children come after their parent in
/// document order, so a reverse walk sees them first).
struct PageFigures {
    var text: [Int]
    /// Text inside links; links to "#…" anchors count for 0.3.
    var link: [Double]
    var commas: [Int]
    /// Has a block element (`p`, `div`, `ul`, `table`, `img`…) somewhere below it.
    var blockBelow: [Bool]

    init(_ page: PageIndex, alive: [Bool]) {
        let n = page.count
        text = [Int](repeating: 0, count: n)
        link = [Double](repeating: 0, count: n)
        commas = [Int](repeating: 0, count: n)
        blockBelow = [Bool](repeating: false, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) where alive[i] {
            text[i] += page.ownText[i]
            commas[i] += page.ownCommas[i]
            if page.tags[i] == .a {
                let href = page.nodes[i].attributes["href"] ?? ""
                link[i] = Double(text[i]) * (href.hasPrefix("#") && href.count > 1 ? 0.3 : 1)
            }
            let p = page.parents[i]
            guard p >= 0 else { continue }
            text[p] += text[i]
            link[p] += link[i]
            commas[p] += commas[i]
            if blockBelow[i] || page.tags[i].isBlockForParagraphs { blockBelow[p] = true }
        }
    }

    func linkDensity(_ i: Int) -> Double {
        text[i] == 0 ? 0 : min(1, link[i] / Double(text[i]))
    }
}
