# The database is away for a while: the message is kept in the inbox and handled once it is back.
inbox-kept = The system is busy right now. Your message is received and kept; it will be handled automatically once the system is back, so there is no need to send it again.
