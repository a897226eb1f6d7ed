package org.receco.agents.llm;

import java.io.IOException;

/** Where the client writes the record of each call it made. Must be safe to call from several threads. */
public interface CallRecordSink {
    void append(LlmCallRecord record) throws IOException;
}
