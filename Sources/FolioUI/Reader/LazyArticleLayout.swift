import FolioCore
import TermKit

/// Long articles are laid out a block at a time, as far as the reader has
/// scrolled, so a 20 MB article shows its first screen at once. Short ones
/// are laid out whole (the result is the same).
enum LazyArticleLayout {
    /// Articles with more body text than this are laid out lazily.
    static let threshold = 200_000

    /// Long, or known only from its start (a very large file, whose words are
    /// estimated): the start of a 20 MB file is 16 KB of text, of which the
    /// first screen shows a tenth.
    static func isLong(_ article: Article) -> Bool {
        if article.estimatedWords != nil { return true }
        var characters = 0
        for block in article.body {
            characters += block.plainText.utf8.count
            if characters > threshold { return true }
        }
        return false
    }

    /// The first lines of `article`: everything for a short one, the header and
    /// the first slice for a long one (`laidOutBlocks` then says how far it got).
    static func start(_ reader: inout ReaderState, article: Article, width: Int, theme: Theme, lines wanted: Int) {
        guard isLong(article) else {
            reader.lines = ArticleLayout.lines(for: article, width: width, theme: theme)
            reader.laidOutBlocks = nil
            return
        }
        reader.lines = ArticleLayout.header(for: article, width: width, theme: theme)
        reader.laidOutBlocks = 0
        reader.laidOutBody = false
        extend(&reader, article: article, width: width, theme: theme, toAtLeast: wanted)
    }

    /// Lays out more blocks until there are `wanted` lines or the article ends.
    static func extend(_ reader: inout ReaderState, article: Article, width: Int, theme: Theme, toAtLeast wanted: Int) {
        guard var next = reader.laidOutBlocks else { return }
        let layout = BlockLayout(width: width, theme: theme)
        while reader.lines.count < wanted && next < article.body.count {
            let lines = layout.layout(article.body[next])
            if !lines.isEmpty {
                // Blocks are a blank line apart, as `BlockLayout.lines` sets them.
                if reader.laidOutBody { reader.lines.append([]) }
                reader.lines += lines
                reader.laidOutBody = true
            }
            next += 1
        }
        if next >= article.body.count {
            if !reader.laidOutBody { reader.lines += ArticleLayout.noText(theme: theme) }
            reader.lines += ArticleLayout.links(for: article, width: width, theme: theme)
            reader.laidOutBlocks = nil
        } else {
            reader.laidOutBlocks = next
        }
    }

    /// Lines the whole article will take, estimated from the part laid out.
    static func estimatedLineCount(_ reader: ReaderState) -> Int {
        guard let done = reader.laidOutBlocks, done > 0, case .loaded(let article) = reader.content else { return reader.lines.count }
        return reader.lines.count * article.body.count / done
    }
}
