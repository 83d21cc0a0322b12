/// A piece of the chosen content: an element, or a stretch of inline content
/// directly inside a container.
enum ContentItem: Equatable {
    case element(Int)
    case run(PhrasingRun)
}

/// A stretch of inline content (text, links, emphasis) directly inside a
/// container that also holds blocks: `<div>Some text <a>link</a><div>…</div>`.
/// It reads as a paragraph of its own. Two `<br>`s in a row end a stretch.
struct PhrasingRun: Equatable {
    let container: Int
    /// Positions in the container's `children`.
    let range: Range<Int>
    let text: Int
    let link: Double
    let commas: Int

    var linkDensity: Double { text == 0 ? 0 : min(1, link / Double(text)) }

    static func runs(in container: Int, _ page: PageIndex, alive: [Bool], figures: PageFigures) -> [PhrasingRun] {
        let children = page.nodes[container].children
        var runs: [PhrasingRun] = []
        var start = -1, text = 0, commas = 0, link = 0.0
        var lastWasBreak = false
        func close(at end: Int) {
            if start >= 0 && text > 0 { runs.append(PhrasingRun(container: container, range: start..<end, text: text, link: link, commas: commas)) }
            start = -1; text = 0; commas = 0; link = 0; lastWasBreak = false
        }
        for (position, child) in children.enumerated() {
            switch child.kind {
            case .comment:
                continue
            case .text:
                let figures = child.textFigures
                if figures.length == 0 { continue }
                if start < 0 { start = position }
                text += figures.length; commas += figures.commas
                lastWasBreak = false
            case .element:
                let i = child.index
                guard i >= 0, alive[i] else { continue }
                let tag = page.tags[i]
                if tag == .br {
                    if lastWasBreak { close(at: position) } else if start >= 0 { lastWasBreak = true }
                    continue
                }
                guard (tag.isPhrasing || tag == .other) && !figures.blockBelow[i] else { close(at: position); continue }
                if start < 0 { start = position }
                text += figures.text[i]; commas += figures.commas[i]; link += figures.link[i]
                lastWasBreak = false
            }
        }
        close(at: children.count)
        return runs
    }
}
