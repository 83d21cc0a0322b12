import Foundation
import FolioCore

/// Where the reader left each article, and when an opened article counts as read.
extension AppState {
    /// The reader's place in its article, 0…1 (1 at the end).
    var readerPosition: Double? {
        guard let reader, case .loaded = reader.content else { return nil }
        let total = LazyArticleLayout.estimatedLineCount(reader)
        let height = layout.reader.height
        guard total > height else { return reader.top > 0 ? 1 : nil }
        return min(1, Double(reader.top + height) / Double(total))
    }

    /// Saves how far the reader got in the article it is leaving (when it moved).
    mutating func rememberPosition() -> [Effect] {
        guard let reader, let row = library.first(where: { $0.path == reader.path }), reader.top > 0 || row.position > 0,
              let position = readerPosition else { return [] }
        let rounded = (position * 1000).rounded() / 1000
        guard abs(rounded - row.position) > 0.001 else { return [] }
        updateRows([row.identity]) { $0.position = rounded }
        return [.save(.position(rounded, row.identity))]
    }

    /// Puts the reader back where this article was left.
    mutating func restorePosition() {
        guard var reader, reader.top == 0, let row = library.first(where: { $0.path == reader.path }),
              row.isHalfRead, case .loaded(let article) = reader.content else { return }
        let height = layout.reader.height
        LazyArticleLayout.extend(&reader, article: article, width: reader.layoutWidth, theme: theme, toAtLeast: Int.max / 2)
        let total = reader.lines.count
        reader.top = max(0, min(total - height, Int(row.position * Double(total)) - height))
        self.reader = reader
        message = "Back where you left it (\(Int(row.position * 100))%); g goes to the top."
    }

    /// With the "after N seconds" rule: marks the article read once it has been open long enough.
    mutating func readAfterDelay() -> [Effect] {
        guard case .after(let seconds) = readRule, focus == .reader, let reader, let opened = reader.openedAt,
              now.timeIntervalSince(opened) >= Double(seconds),
              let row = library.first(where: { $0.path == reader.path }), !row.isRead else { return [] }
        updateRows([row.identity]) { $0.isRead = true }
        return [.setRead(true, [row.identity])]
    }
}
