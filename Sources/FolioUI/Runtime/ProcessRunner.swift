import Foundation

/// Runs other programs through /bin/sh, with posix_spawn (no Foundation
/// Process, whose waiting can hang on Linux).
enum ProcessRunner {
    /// Runs `command` in the foreground on this terminal, `input` (if any) on its
    /// standard input. Returns a reason when it could not run or failed.
    static func shell(_ command: String, input: String? = nil) -> String? {
        var pipe: [Int32] = [-1, -1]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if input != nil {
            guard Glibc.pipe(&pipe) == 0 else { return "cannot make a pipe" }
            // Neither end may leak into another program started meanwhile.
            for fd in pipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            posix_spawn_file_actions_adddup2(&actions, pipe[0], 0)
            posix_spawn_file_actions_addclose(&actions, pipe[0])
            posix_spawn_file_actions_addclose(&actions, pipe[1])
        }
        guard let pid = spawn(["/bin/sh", "-c", command], actions: &actions) else {
            if input != nil { close(pipe[0]); close(pipe[1]) }
            return "cannot start /bin/sh"
        }
        if let input {
            close(pipe[0])
            let bytes = Array(input.utf8)
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes { write(pipe[1], $0.baseAddress! + written, bytes.count - written) }
                if n <= 0 { break }  // the command stopped reading; that is its business
                written += n
            }
            close(pipe[1])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code = (status >> 8) & 0xff
        return status & 0x7f == 0 && code == 0 ? nil : "exit status \(code)"
    }

    /// Starts `command` in the background, detached from the terminal.
    static func detached(_ command: String) -> String? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
        // setsid through the shell, so the browser outlives folio and never reads its terminal.
        guard let pid = spawn(["/bin/sh", "-c", "setsid \(command) >/dev/null 2>&1 &"], actions: &actions) else { return "cannot start /bin/sh" }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return nil
    }

    private static func spawn(_ argv: [String], actions: inout posix_spawn_file_actions_t) -> pid_t? {
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        return posix_spawn(&pid, argv[0], &actions, nil, &cArgs, environ) == 0 ? pid : nil
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
