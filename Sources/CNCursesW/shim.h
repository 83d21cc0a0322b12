#ifndef FOLIO_CNCURSESW_SHIM_H
#define FOLIO_CNCURSESW_SHIM_H
/* Wide-character ncurses for Swift. SwiftPM drops pkg-config's -D_XOPEN_SOURCE,
   so ask for the wide API explicitly. */
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <curses.h>

/* Macros and globals that do not import cleanly into Swift. */
static inline WINDOW *folio_stdscr(void) { return stdscr; }
static inline int folio_cols(void) { return COLS; }
static inline int folio_lines(void) { return LINES; }
static inline attr_t folio_a_normal(void) { return A_NORMAL; }
static inline attr_t folio_a_bold(void) { return A_BOLD; }
static inline attr_t folio_a_dim(void) { return A_DIM; }
static inline attr_t folio_a_reverse(void) { return A_REVERSE; }
static inline attr_t folio_a_underline(void) { return A_UNDERLINE; }
static inline attr_t folio_a_italic(void) { return A_ITALIC; }
static inline int folio_color_pair(int n) { return (int)COLOR_PAIR(n); }
/* A row of printable ASCII in one style, written in one call (a cchar_t per
   cell costs several times more); the window's own attributes are normal again after. */
static inline void folio_put_ascii(int y, int x, const char *text, int count, attr_t attributes, short pair) {
    wattr_set(stdscr, attributes, pair, 0);
    mvwaddnstr(stdscr, y, x, text, count);
    wattr_set(stdscr, A_NORMAL, 0, 0);
}
static inline int folio_key_code_yes(void) { return KEY_CODE_YES; }
/* Mouse masks are macros built from other macros. */
static inline mmask_t folio_mouse_mask(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
static inline int folio_mouse_kind(mmask_t state) {
    if (state & BUTTON4_PRESSED) return 4;  /* wheel up */
    if (state & BUTTON5_PRESSED) return 5;  /* wheel down */
    if (state & (BUTTON1_CLICKED | BUTTON1_PRESSED)) return 1;
    return 0;
}

/* wcwidth is only declared with _XOPEN_SOURCE, which SwiftPM drops. */
extern int wcwidth(wchar_t c);
static inline int folio_wcwidth(wchar_t c) { return wcwidth(c); }

/* Signals: the handler only records the signal; the main loop acts on it.
   Written in C so that the handler is async-signal-safe. */
static volatile sig_atomic_t folio_pending_signal = 0;
static inline void folio_signal_handler(int sig) { folio_pending_signal = sig; }
static inline void folio_install_signal_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = folio_signal_handler;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, 0);
    sigaction(SIGTERM, &sa, 0);
    sigaction(SIGHUP, &sa, 0);
    sigaction(SIGQUIT, &sa, 0);
    signal(SIGPIPE, SIG_IGN);
    /* A parent may have started us with these blocked; folio must see them. */
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGQUIT);
    sigaddset(&wanted, SIGWINCH);
    sigaddset(&wanted, SIGTSTP);
    sigaddset(&wanted, SIGCONT);
    pthread_sigmask(SIG_UNBLOCK, &wanted, 0);
}
static inline int folio_take_pending_signal(void) {
    int sig = folio_pending_signal;
    folio_pending_signal = 0;
    return sig;
}

/* Crashes: a trap or fault must still leave the terminal usable. Before
   ncurses changes the tty, its modes are saved; the handler (async-signal-safe:
   only tcsetattr, write, sigaction, raise) puts them back, leaves the
   alternate screen, shows the cursor, then hands the signal to whoever
   handled it before (the Swift runtime's backtracer, or the default). */
/* Storage lives in functions: Swift's importer emits static inline
   functions (and their local statics) but not a header's global structs. */
static inline struct termios *folio_saved_tty(void) { static struct termios tty; return &tty; }
static inline volatile sig_atomic_t *folio_tty_saved(void) { static volatile sig_atomic_t saved; return &saved; }
static inline struct sigaction *folio_previous_action(int sig) { static struct sigaction actions[65]; return &actions[sig & 63]; }
static inline void folio_crash_handler(int sig) {
    static const char reset[] = "\033[?1049l\033[?25h\033[0m\r\n";
    if (*folio_tty_saved()) tcsetattr(STDIN_FILENO, TCSANOW, folio_saved_tty());
    ssize_t ignored = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)ignored;
    sigaction(sig, folio_previous_action(sig), 0);
    raise(sig);
    /* The previous handler returned (a signal sent with kill, not a fault):
       end as the signal's default action would. */
    signal(sig, SIG_DFL);
    raise(sig);
}
static inline void folio_install_crash_handlers(void) {
    static const int signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
    if (tcgetattr(STDIN_FILENO, folio_saved_tty()) == 0) *folio_tty_saved() = 1;
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = folio_crash_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_NODEFER;
        sigaction(signals[i], &sa, folio_previous_action(signals[i]));
    }
}
#endif
