import FolioCore

/// The article the first frame is expected to show, read on another thread
/// while the terminal and the state database are set up. The reader takes it
/// instead of reading the file again, if it asks for that article first.
public final class ArticlePreload: @unchecked Sendable {
    let path: String
    let file: String
    private let read: BackgroundValue<ArticleRead>

    /// Starts reading `file`, listed as `path`.
    public init(path: String, file: String) {
        self.path = path
        self.file = file
        read = BackgroundValue { ArticleRead.read(file, displayName: path) }
    }

    /// The read, waiting for it if need be.
    var value: ArticleRead { read.value }
}
