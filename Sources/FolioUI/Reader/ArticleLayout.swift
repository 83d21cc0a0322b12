import Foundation
import FolioCore
import TermKit

/// Lays out an article as styled lines for a width: a header (title,
/// subtitle, byline, URL), the body's blocks, and the numbered links.
/// Long articles are laid out a slice at a time as the reader needs them
/// (see `LazyArticleLayout`); `lines(for:)` lays out everything.
public enum ArticleLayout {
    public static func lines(for article: Article, width: Int, theme: Theme = .standard) -> [StyledLine] {
        var out = header(for: article, width: width, theme: theme)
        let body = BlockLayout(width: width, theme: theme).lines(for: article.body)
        out += body.isEmpty ? noText(theme: theme) : body
        out += links(for: article, width: width, theme: theme)
        return out
    }

    /// What stands for the body of an article without text.
    static func noText(theme: Theme) -> [StyledLine] {
        [[Span("(This article has no text.)", style: theme.metadata)]]
    }

    static func header(for article: Article, width: Int, theme: Theme) -> [StyledLine] {
        var out: [StyledLine] = []
        out += TextWrap.wrap(article.title, width: width, style: theme.articleTitle)
        if let subtitle = article.subtitle, !subtitle.isEmpty {
            out += TextWrap.wrap(subtitle, width: width, style: theme.subtitle)
        }
        let byline = [article.author, article.source, article.date.map(DateLabel.long), "\(article.readingMinutes) min"]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
        out += TextWrap.wrap(byline, width: width, style: theme.metadata)
        if !article.tags.isEmpty { out += TextWrap.wrap("Tags: " + article.tags.joined(separator: ", "), width: width, style: theme.metadata) }
        if let url = article.url { out += TextWrap.wrap(url, width: width, style: theme.url) }
        for note in article.notes { out += TextWrap.wrap("Note: " + note, width: width, style: theme.notice) }
        out.append([])
        return out
    }

    static func links(for article: Article, width: Int, theme: Theme) -> [StyledLine] {
        guard !article.links.isEmpty else { return [] }
        var out: [StyledLine] = [[], [Span("Links", style: theme.heading)]]
        for (index, url) in article.links.enumerated() {
            let label = "[\(index + 1)] "
            let wrapped = TextWrap.wrap(url, width: max(1, width - label.count), style: theme.url)
            for (i, line) in wrapped.enumerated() {
                out.append([Span(i == 0 ? label : String(repeating: " ", count: label.count), style: theme.metadata)] + line)
            }
        }
        return out
    }
}
