/// What a key can ask for. The raw value is the name used in key tables,
/// the help screen and configuration files.
public enum Command: String, CaseIterable, Sendable {
    case down, up, first = "top", last = "bottom"
    case pageDown = "page-down", pageUp = "page-up", halfPageDown = "half-page-down", halfPageUp = "half-page-up"
    case open, back, switchFocus = "switch-focus", zoom
    case nextUnread = "next-unread", previousUnread = "prev-unread"
    case toggleRead = "toggle-read", markAllRead = "mark-all-read"
    case help, closeHelp = "close-help", quit, quitAll = "quit-all", redraw
    case star, archive, delete, mark, undo, redo
    case addTag = "add-tag", removeTag = "remove-tag"
    case limit, search, find, findNext = "find-next", findPrevious = "find-previous"
    case sort, reverseSort = "reverse-sort", pipe, edit
    case links, openLink = "open-link", yank
    case view1 = "view-1", view2 = "view-2", view3 = "view-3", view4 = "view-4", view5 = "view-5"
    case view6 = "view-6", view7 = "view-7", view8 = "view-8", view9 = "view-9"

    /// For `view-N`: N.
    var viewNumber: Int? {
        guard rawValue.hasPrefix("view-"), let n = Int(rawValue.dropFirst(5)) else { return nil }
        return n
    }
}

/// Where a binding applies. `global` bindings apply in the list and the reader.
public enum KeyContext: String, CaseIterable, Sendable {
    case list, reader, help, links, global
}
