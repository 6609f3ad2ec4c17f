/**
 * Diagnostics, both ways: pull (`textDocument/diagnostic`, re-pulled through
 * `workspace/diagnostic/refresh` after corpus changes) for clients that support
 * it, `textDocument/publishDiagnostics` for the others. Debounce follows the run
 * mode; a newer document version cancels older work.
 */

import {
  CancellationTokenSource,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationSignal } from '../core/types.js';
import { countClaims, type CheckResult } from './checks.js';
import { toDiagnostics } from './convert.js';
import type { CorpusFolder } from './corpusFolder.js';
import { carriesEncoded } from './transport.js';
import { StatusNotification, type Settings, type StatusParams } from './protocol.js';
import type { World } from './world.js';

interface Published {
  resultId: string;
  version: number;
  diagnostics: Diagnostic[];
}

function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
}

/** A newer version arrived: the client pulls again by itself, so don't ask it to retrigger. */
function supersededError(): ResponseError<{ retriggerRequest: boolean }> {
  return new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded by a newer version', { retriggerRequest: false });
}

function wait(ms: number, token: CancellationToken): Promise<boolean> {
  return new Promise((done) => {
    if (token.isCancellationRequested) return done(false);
    const listener = token.onCancellationRequested(() => {
      clearTimeout(timer);
      done(false);
    });
    const timer = setTimeout(() => {
      listener.dispose();
      done(true);
    }, ms);
  });
}

function untilReady(folder: CorpusFolder, token: CancellationToken): Promise<boolean> {
  return new Promise((done) => {
    const listener = token.onCancellationRequested(() => done(false));
    folder.ready.then(() => {
      listener.dispose();
      done(!token.isCancellationRequested);
    }, () => done(false));
  });
}

export class Diagnostics {
  readonly #world: World;
  readonly #published = new Map<string, Published>();
  readonly #pending = new Map<string, { timer?: NodeJS.Timeout; source: CancellationTokenSource }>();

  constructor(world: World) {
    this.#world = world;
    world.onCorpusChanged = (folder) => this.corpusChanged(folder);
  }

  get #push(): boolean {
    return !this.#world.capabilities.pullDiagnostics;
  }

  #signal(document: TextDocument, token: CancellationToken): CancellationSignal {
    const documents = this.#world.documents;
    const { uri, version } = document;
    return {
      get isCancellationRequested() {
        return token.isCancellationRequested || documents.get(uri)?.version !== version;
      },
    };
  }

  #resultId(result: CheckResult, settings: Settings): string {
    return `${result.version}:${result.stamp}:${this.#world.settingsGeneration}:${JSON.stringify(settings.severity)}`;
  }

  #sendStatus(result: CheckResult): void {
    const params: StatusParams = {
      uri: result.uri,
      version: result.version,
      counts: countClaims(result.claims),
      corpusVersion: result.corpusVersion,
    };
    void this.#world.connection.sendNotification(StatusNotification.method, params).catch(() => undefined);
  }

  #convert(document: TextDocument, result: CheckResult, settings: Settings, folder: CorpusFolder): Published {
    const diagnostics = toDiagnostics(document, result, settings, {
      folderPath: folder.path,
      relatedInformation: this.#world.capabilities.relatedInformation,
      sourceDocuments: this.#world.initOptions.sourceDocuments === true,
    });
    return { resultId: this.#resultId(result, settings), version: result.version, diagnostics };
  }

  /** `textDocument/diagnostic`. Unknown or closed documents and corpus files answer an empty report. */
  async pull(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const empty: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const world = this.#world;
    const uri = params.textDocument.uri;
    const document = world.documents.get(uri);
    const folder = world.folderFor(uri);
    if (!document || !folder || !world.isDraft(uri)) return empty;
    const version = document.version;
    const settings = await world.settingsFor(uri);
    if (token.isCancellationRequested) throw cancelledError();
    if (world.documents.get(uri)?.version !== version) throw supersededError();

    const previous = this.#published.get(uri);
    const unchangedOr = (published: Published): DocumentDiagnosticReport =>
      params.previousResultId === published.resultId
        ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId: published.resultId }
        : carriesEncoded({ kind: DocumentDiagnosticReportKind.Full, resultId: published.resultId, items: published.diagnostics });

    if (world.wantedVersion(document, settings) !== version) {
      // onSave / manual mode with unsaved edits: keep what the client shows.
      return previous ? unchangedOr(previous) : empty;
    }
    // Debounce typing; the first check of a document and corpus-driven re-pulls go at once.
    if (settings.run === 'onType' && settings.debounceMs > 0 && previous && previous.version !== version) {
      if (!(await wait(settings.debounceMs, token))) throw cancelledError();
      if (world.documents.get(uri)?.version !== version) throw supersededError();
    }
    if (!(await untilReady(folder, token))) throw cancelledError();
    const current = world.documents.get(uri);
    if (!current || current.version !== version) throw supersededError();

    const result = await world.checker.check(current, folder, settings, this.#signal(current, token));
    if (!result) {
      if (token.isCancellationRequested) throw cancelledError();
      if (world.documents.get(uri)?.version !== version) throw supersededError();
      return empty; // The failure is logged; an empty report beats stale squiggles.
    }
    const published = this.#convert(current, result, settings, folder);
    this.#published.set(uri, published);
    this.#sendStatus(result);
    return unchangedOr(published);
  }

  /** Re-check drafts after the corpus or decisions of a folder changed. */
  corpusChanged(folder: CorpusFolder): void {
    if (!this.#push) {
      this.#world.refreshDiagnostics();
      return;
    }
    for (const document of this.#world.documents.all()) {
      if (this.#world.folderFor(document.uri) === folder) this.schedule(document, 0);
    }
  }

  /** Settings changed: re-pull or re-publish everything. */
  settingsChanged(): void {
    if (!this.#push) {
      this.#world.refreshDiagnostics();
      return;
    }
    for (const document of this.#world.documents.all()) this.schedule(document, 0);
  }

  onOpen(document: TextDocument): void {
    this.#world.savedVersion.set(document.uri, document.version);
    if (this.#push) this.schedule(document, 0);
  }

  async onChange(document: TextDocument): Promise<void> {
    if (!this.#push) return;
    const settings = await this.#world.settingsFor(document.uri);
    if (settings.run === 'onType') this.schedule(document, settings.debounceMs);
  }

  onSave(document: TextDocument): void {
    this.#world.savedVersion.set(document.uri, document.version);
    if (this.#push) this.schedule(document, 0);
    else this.#world.refreshDiagnostics();
  }

  onClose(uri: string): void {
    this.#cancel(uri);
    this.#published.delete(uri);
    // Clients drop pulled diagnostics on close; pushed ones must be cleared.
    if (this.#push) void this.#world.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }

  /** Check now, whatever the run mode (the manual trigger). */
  checkNow(uri: string): void {
    const document = this.#world.documents.get(uri);
    if (!document) return;
    this.#world.manualVersion.set(uri, document.version);
    this.#world.savedVersion.set(uri, document.version);
    if (this.#push) this.schedule(document, 0);
    else this.#world.refreshDiagnostics();
  }

  #cancel(uri: string): void {
    const pending = this.#pending.get(uri);
    if (!pending) return;
    if (pending.timer) clearTimeout(pending.timer);
    pending.source.cancel();
    this.#pending.delete(uri);
  }

  /** Push mode: (re)schedule a check of the document's current version. */
  schedule(document: TextDocument, delayMs: number): void {
    this.#cancel(document.uri);
    const source = new CancellationTokenSource();
    const entry: { timer?: NodeJS.Timeout; source: CancellationTokenSource } = { source };
    this.#pending.set(document.uri, entry);
    const run = () => {
      entry.timer = undefined;
      void this.#publish(document.uri, source.token).finally(() => {
        if (this.#pending.get(document.uri) === entry) this.#pending.delete(document.uri);
      });
    };
    if (delayMs > 0) entry.timer = setTimeout(run, delayMs);
    else setImmediate(run);
  }

  async #publish(uri: string, token: CancellationToken): Promise<void> {
    const world = this.#world;
    try {
      const document = world.documents.get(uri);
      const folder = world.folderFor(uri);
      if (!document || !folder || !world.isDraft(uri)) return;
      const settings = await world.settingsFor(uri);
      if (world.wantedVersion(document, settings) !== document.version) return;
      if (!(await untilReady(folder, token))) return;
      const current = world.documents.get(uri);
      if (!current || current.version !== document.version || token.isCancellationRequested) return;
      const result = await world.checker.check(current, folder, settings, this.#signal(current, token));
      if (!result || token.isCancellationRequested) return;
      const published = this.#convert(current, result, settings, folder);
      this.#published.set(uri, published);
      await world.connection.sendDiagnostics(carriesEncoded({ uri, version: result.version, diagnostics: published.diagnostics }));
      this.#sendStatus(result);
    } catch (error) {
      world.log.error(`Corroborate: publishing diagnostics for ${uri} failed: ${(error as Error).stack ?? error}`);
    }
  }
}
