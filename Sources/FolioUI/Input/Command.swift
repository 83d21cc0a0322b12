/// What a key can ask for. The raw value is the name used in key tables,
/// the help screen and configuration files.
public enum Command: String, CaseIterable, Sendable {
    case down, up, first = "top", last = "bottom"
    case pageDown = "page-down", pageUp = "page-up", halfPageDown = "half-page-down", halfPageUp = "half-page-up"
    case open, back, switchFocus = "switch-focus", zoom
    case nextUnread = "next-unread", previousUnread = "prev-unread"
    case toggleRead = "toggle-read", markAllRead = "mark-all-read"
    case help, closeHelp = "close-help", quit, quitAll = "quit-all", redraw
}

/// Where a binding applies. `global` bindings apply in the list and the reader.
public enum KeyContext: String, CaseIterable, Sendable {
    case list, reader, help, global
}
