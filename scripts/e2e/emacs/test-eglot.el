;;; test-eglot.el --- Corroborate's language server under Emacs + eglot, headless  -*- lexical-binding: t; -*-
;;
;; Usage (scripts/e2e/run-all.sh does this against a throw-away copy of test/e2e/fixture + corpus/):
;;   LSP_CMD='node /abs/bin/corroborate.cjs lsp --stdio' \
;;     emacs --batch -l scripts/e2e/emacs/test-eglot.el /abs/workspace/draft.md
;; (no -Q: Debian's site-start makes elpa-eglot loadable.)  Emacs 28 + eglot 1.9 from Debian.
;;
;; It is also the recipe for Emacs users: the server speaks plain LSP over stdio, so
;;   (add-to-list 'eglot-server-programs '((markdown-mode text-mode) "corroborate" "lsp" "--stdio"))
;; is the whole set-up.  The workspace root (the project) is the folder holding `corpus/'.
;;
;; Checks (one line each, then `N passed, N failed'):
;;   connect      eglot starts the server and finishes `initialize'
;;   diagnostics  disputed (88 km/h), contradicted (40 hours), unsupported (gym), none on the supported sentence,
;;                all with source "corroborate" and the verdict as code
;;   hover        on the supported sentence names the source file and quotes it
;;   code-action  "Use the source's value" on the journey time: edit applied, 40 -> 20, nothing else changed
;;   citation     "Insert citation" on the supported sentence: footnote marker + definition
;; Exit status 0 when all pass, 1 otherwise.

(require 'cl-lib)
(require 'eglot)
(require 'flymake)

(defvar corroborate-test-timeout (string-to-number (or (getenv "EGLOT_TEST_TIMEOUT") "30"))
  "Seconds any single wait may take.")
(defvar corroborate-test-passed 0)
(defvar corroborate-test-failed 0)
(defvar corroborate-test--edited nil "Non-nil once the code-action test changed the buffer.")

(defun corroborate-test--out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n") #'external-debugging-output))

(defun corroborate-test--result (name ok &optional detail)
  (if ok (cl-incf corroborate-test-passed) (cl-incf corroborate-test-failed))
  (corroborate-test--out "%s emacs-eglot: %s%s" (if ok "ok    " "FAILED") name
                         (if detail (concat " — " detail) "")))

(defmacro corroborate-test (name &rest body)
  "Run BODY as test NAME: non-nil is a pass, nil or an error a failure.
BODY may return (nil . DETAIL) to fail with a message."
  (declare (indent 1))
  `(condition-case err
       (let ((res (progn ,@body)))
         (if (and (consp res) (null (car res)))
             (corroborate-test--result ,name nil (cdr res))
           (corroborate-test--result ,name (and res t) (unless res "returned nil"))))
     (error (corroborate-test--result ,name nil (error-message-string err)))))

(defun corroborate-test--wait (pred what)
  "Process events until PRED holds or the timeout passes; signal an error naming WHAT."
  (let ((deadline (+ (float-time) corroborate-test-timeout)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (or (funcall pred)
        (error "timed out after %ss waiting for %s" corroborate-test-timeout what))))

(defun corroborate-test--lsp-diags ()
  "Corroborate's LSP diagnostics in the current buffer as (BEG END CODE SOURCE MESSAGE)."
  (cl-loop for d in (flymake-diagnostics (point-min) (point-max))
           for lsp = (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d)))
           when lsp
           collect (list (flymake-diagnostic-beg d) (flymake-diagnostic-end d)
                         (format "%s" (plist-get lsp :code)) (plist-get lsp :source)
                         (plist-get lsp :message))))

(defun corroborate-test--sentence (snippet)
  "(BEG . END) of SNIPPET in the buffer."
  (save-excursion
    (goto-char (point-min))
    (unless (search-forward snippet nil t) (error "%S not in the buffer" snippet))
    (cons (match-beginning 0) (match-end 0))))

(defun corroborate-test--verdict-on (snippet diags)
  (let ((s (corroborate-test--sentence snippet)))
    (cl-loop for (beg end code) in diags
             when (and (< beg (cdr s)) (> end (car s))) return code)))

(defun corroborate-test--code-action (snippet title-re)
  "The code action whose title matches TITLE-RE over SNIPPET, or an error listing those offered."
  (let* ((s (corroborate-test--sentence snippet))
         (actions (eglot-code-actions (car s) (cdr s)))
         (hit (cl-find-if (lambda (a) (string-match-p title-re (plist-get a :title))) actions)))
    (or hit (error "no code action matching %S on %S; offered: %S" title-re snippet
                   (mapcar (lambda (a) (plist-get a :title)) actions)))))

(defun corroborate-test--apply (server action)
  "Apply ACTION as eglot's menu does: edit, then command."
  (let ((edit (plist-get action :edit)) (command (plist-get action :command)))
    (when edit (eglot--apply-workspace-edit edit))
    (when command
      (eglot-execute-command server (intern (plist-get command :command)) (plist-get command :arguments)))
    ;; eglot sends didChange from an idle timer, and --batch never idles: send it now, as an
    ;; interactive session would half a second later.
    (eglot--signal-textDocument/didChange)))

(defconst corroborate-test--supported
  "Kim will pay an official visit to Russia in the coming days, the Kremlin said.")
(defconst corroborate-test--disputed "The armoured train can reach a maximum speed of 88 km/h.")
(defconst corroborate-test--contradicted "The journey from Pyongyang to Vladivostok takes about 40 hours.")
(defconst corroborate-test--unsupported "The train has a gym for the bodyguards.")

(defun corroborate-test-main ()
  (let* ((draft (car (cl-remove-if-not #'file-exists-p (mapcar #'expand-file-name command-line-args-left))))
         (cmd (split-string-and-unquote (or (getenv "LSP_CMD") "corroborate lsp --stdio")))
         (root (file-name-directory draft))
         server)
    (setq command-line-args-left nil)
    (find-file draft)
    (text-mode)
    (setq-local eglot-sync-connect t)
    (corroborate-test "connect"
      (eglot '(text-mode) (cons 'transient root) 'eglot-lsp-server cmd "markdown")
      (corroborate-test--wait (lambda () (eglot-current-server)) "eglot to connect")
      (setq server (eglot-current-server))
      (and server (jsonrpc-running-p server)))
    (unless server
      (corroborate-test--out "emacs-eglot: %d passed, %d failed" corroborate-test-passed corroborate-test-failed)
      (kill-emacs 1))

    (corroborate-test "diagnostics"
      (corroborate-test--wait
       (lambda () (let ((d (corroborate-test--lsp-diags)))
                    (and (corroborate-test--verdict-on corroborate-test--disputed d)
                         (corroborate-test--verdict-on corroborate-test--contradicted d)
                         (corroborate-test--verdict-on corroborate-test--unsupported d))))
       "diagnostics on the three flagged sentences")
      (let* ((d (corroborate-test--lsp-diags))
             (got (list (corroborate-test--verdict-on corroborate-test--disputed d)
                        (corroborate-test--verdict-on corroborate-test--contradicted d)
                        (corroborate-test--verdict-on corroborate-test--unsupported d)
                        (corroborate-test--verdict-on corroborate-test--supported d)))
             (sources (delete-dups (mapcar (lambda (x) (nth 3 x)) d))))
        (if (and (equal got '("disputed" "contradicted" "unsupported" nil))
                 (equal sources '("corroborate")))
            (format "%d diagnostics" (length d))
          (cons nil (format "verdicts (disputed contradicted unsupported none) got %S, sources %S" got sources)))))

    (corroborate-test "hover"
      (let* ((s (corroborate-test--sentence "official visit"))
             (res (jsonrpc-request server :textDocument/hover
                                   (list :textDocument (eglot--TextDocumentIdentifier)
                                         :position (eglot--pos-to-lsp-position (+ 3 (car s))))))
             (contents (plist-get res :contents))
             (text (cond ((stringp contents) contents)
                         ((plist-get contents :value))
                         ((vectorp contents)
                          (mapconcat (lambda (c) (if (stringp c) c (plist-get c :value))) contents "\n"))
                         (t (format "%S" contents)))))
        (if (and (string-match-p "004_56ddb15eeb98ed00\\.txt" text)
                 (string-match-p "official visit to Russia" text))
            t
          (cons nil (format "hover lacks the file name or quote: %S" text)))))

    (corroborate-test "code-action"
      (let* ((before (buffer-string))
             (action (corroborate-test--code-action corroborate-test--contradicted "source.?s value")))
        (corroborate-test--apply server action)
        (corroborate-test--wait (lambda () (not (equal before (buffer-string)))) "the edit to be applied")
        (setq corroborate-test--edited t)
        (let ((expected (replace-regexp-in-string "takes about 40 hours" "takes about 20 hours" before t t)))
          (or (equal (buffer-string) expected)
              (cons nil (format "expected only 40 -> 20; buffer now:\n%s" (buffer-string)))))))

    (corroborate-test "citation"
      ;; After the previous edit, wait for the re-check (the corrected sentence loses its diagnostic).
      (when corroborate-test--edited
        (corroborate-test--wait
         (lambda () (null (corroborate-test--verdict-on "takes about 20 hours" (corroborate-test--lsp-diags))))
         "the re-check after the edit"))
      (let ((action (corroborate-test--code-action corroborate-test--supported "insert citation")))
        (corroborate-test--apply server action)
        (corroborate-test--wait (lambda () (string-match-p "^\\[\\^[^]\n]+\\]:" (buffer-string)))
                                "a footnote definition")
        (let ((text (buffer-string)))
          (or (and (string-match-p (concat (regexp-quote "the Kremlin said") "[.]?\\[\\^[^]\n]+\\]") text)
                   (string-match-p "^\\[\\^[^]\n]+\\]:.*\\(004_56ddb15eeb98ed00\\|Kremlin\\|official\\)" text))
              (cons nil (format "footnote marker or definition missing:\n%s" text))))))

    (ignore-errors (eglot-shutdown server nil 5))
    (corroborate-test--out "emacs-eglot: %d passed, %d failed" corroborate-test-passed corroborate-test-failed)
    (kill-emacs (if (> corroborate-test-failed 0) 1 0))))

(corroborate-test-main)

;;; test-eglot.el ends here
