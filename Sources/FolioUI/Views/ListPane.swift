import FolioCore
import TermKit

/// The article list: selection bar, unread marker, title, source, date and
/// reading time; columns drop away as the pane narrows. Draws only the rows
/// that are visible.
enum ListPane {
    /// Mark (`*`) or inactive selection, unread or half-read, star, and a space before the title.
    static let markerWidth = 4

    static func draw(_ state: AppState, in buffer: inout Buffer, _ rect: Rect) {
        guard rect.height > 0, rect.width > 0 else { return }
        let theme = state.theme
        if state.rows.isEmpty {
            let allArchived = state.filter == nil && !state.library.isEmpty
            let empty = state.indexing != nil ? " Reading the folder…"
                : state.filter != nil ? " Nothing matches; l then Enter shows all."
                : allArchived ? " All done: every article is archived." : " No articles here."
            buffer.put(empty, x: rect.x, y: rect.y, maxWidth: rect.width, style: theme.metadata)
            if rect.height > 1 {
                let hint = allArchived ? " l then “archived” lists them." : " folio reads .txt, .md and .html files."
                buffer.put(hint, x: rect.x, y: rect.y + 1, maxWidth: rect.width, style: theme.metadata)
            }
            return
        }
        let columns = Columns(width: rect.width, shown: state.settings.listColumns, dateFormat: state.settings.dateFormat)
        for line in 0..<rect.height {
            let index = state.listTop + line
            guard index < state.rows.count else { break }
            let row = state.rows[index]
            let y = rect.y + line
            let selected = index == state.selection
            let base = row.isRead ? theme.read : theme.unread
            if selected && state.focus == .list {
                buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), with: Cell(" ", style: theme.selection))
            }
            func style(_ s: Style) -> Style { selected && state.focus == .list ? s.adding(theme.selection.attributes) : s }
            if selected && state.focus != .list {
                buffer.put("▌", x: rect.x, y: y, style: theme.inactiveSelectionMarker)
            } else if row.isMarked {
                buffer.put("*", x: rect.x, y: y, style: style(theme.unreadMarker))
            }
            if !row.isRead {
                buffer.put("●", x: rect.x + 1, y: y, style: style(theme.unreadMarker))
            } else if row.isHalfRead {
                buffer.put("◐", x: rect.x + 1, y: y, style: style(theme.metadata))
            }
            if row.isStarred { buffer.put("★", x: rect.x + 2, y: y, style: style(theme.unreadMarker)) }
            var x = rect.x + Self.markerWidth
            let s = row.summary
            if let snippet = state.filter?.searchHits?[s.path], !snippet.isEmpty {
                // Search results: the title, then where the words were found.
                let titleWidth = min(DisplayWidth.of(s.title), max(columns.title / 2, columns.title - DisplayWidth.of(snippet) - 3))
                buffer.put(DisplayWidth.truncate(s.title, to: titleWidth), x: x, y: y, style: style(base))
                buffer.put(DisplayWidth.fit(" — " + snippet, to: columns.title - titleWidth), x: x + titleWidth, y: y, style: style(theme.metadata))
            } else {
                buffer.put(DisplayWidth.fit(s.title, to: columns.title), x: x, y: y, style: style(base))
            }
            x += columns.title
            for column in columns.order {
                switch column {
                case .title: continue
                case .source:
                    buffer.put(" " + DisplayWidth.fit(s.source ?? "", to: columns.source - 1), x: x, y: y, style: style(theme.metadata))
                    x += columns.source
                case .date:
                    let label = DateLabel.list(s.sortDate, now: state.now, format: state.settings.dateFormat)
                    buffer.put(pad(label, to: columns.date), x: x, y: y, style: style(theme.metadata))
                    x += columns.date
                case .time:
                    buffer.put(pad(Self.readingTime(s.readingMinutes), to: columns.time), x: x, y: y, style: style(theme.metadata))
                    x += columns.time
                }
            }
        }
    }

    /// "4m", "95m", "3h", "245h": at most 4 columns.
    static func readingTime(_ minutes: Int) -> String {
        minutes < 100 ? "\(minutes)m" : "\(min(9999, minutes / 60))h"
    }

    /// Right-aligns `text` in `width` columns.
    static func pad(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
    }

    /// Column widths for a pane width: markers (4), the title, then the
    /// other columns the `list-columns` setting shows, in its order; the
    /// narrower the pane, the fewer of them fit.
    struct Columns {
        var title: Int, source = 0, date = 0, time = 0
        /// The columns after the title, left to right, that have room.
        var order: [Settings.ListColumn] = []

        init(width: Int, shown: [Settings.ListColumn] = Settings.standard.listColumns, dateFormat: Settings.DateFormat = .short) {
            var rest = width - ListPane.markerWidth - 1  // markers and a right margin
            if width >= 28, shown.contains(.time) { time = 5; rest -= time }
            if width >= 40, shown.contains(.date) { date = dateFormat == .iso ? 11 : 9; rest -= date }
            if width >= 60, shown.contains(.source) { source = min(18, max(10, width / 6)); rest -= source }
            title = max(1, rest)
            order = shown.filter { self.width(of: $0) > 0 }
        }

        /// The width given to a column after the title (0: no room for it).
        func width(of column: Settings.ListColumn) -> Int {
            switch column {
            case .title: return 0
            case .source: return source
            case .date: return date
            case .time: return time
            }
        }
    }
}
