import Foundation

/// A fresh folder under the system temp directory, removed when released.
final class TempFolder {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/folio-uitests-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
