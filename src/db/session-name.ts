/**
 * Every PostgreSQL session this process opens carries this application_name: shutdown
 * cancels exactly this process's statements, and the embedded server's starter can tell
 * its own (closing) sessions from other processes' before it stops the server.
 */
export const APPLICATION_NAME = `tthc-hub ${process.pid}`;
