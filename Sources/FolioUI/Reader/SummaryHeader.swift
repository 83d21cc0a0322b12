import FolioCore
import TermKit

extension ArticleLayout {
    /// The header of an article not loaded yet, from its list row: shown at once
    /// while the body loads.
    static func header(for summary: ArticleSummary, width: Int, theme: Theme) -> [StyledLine] {
        var out = TextWrap.wrap(summary.title, width: width, style: theme.articleTitle)
        let byline = [summary.author, summary.source, summary.date.map(DateLabel.long), "\(summary.readingMinutes) min"]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
        out += TextWrap.wrap(byline, width: width, style: theme.metadata)
        out.append([])
        return out
    }
}
