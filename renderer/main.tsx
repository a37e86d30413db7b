import './ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initialLanguage, startWorkbench } from './bootstrap';
import { fetchBasemapFiles } from './map/basemapFiles';
import { selectPlatform } from './platform/selectPlatform';
import { Root } from './ui/Root';
import { rememberLanguage } from './ui/useAppActions';

// The offline basemap downloads from our own origin while the database opens.
void fetchBasemapFiles();
const root = createRoot(document.getElementById('root')!);
const lang = initialLanguage();
rememberLanguage(lang);

// Our upgrade of the database waits while an older version's window holds it: say what to do.
const waiting = (message: { zh: string; en: string }) =>
  root.render(
    <div className="fatal" role="status">
      <p>{message.zh}</p>
      <p>{message.en}</p>
    </div>,
  );

const platform = selectPlatform();
startWorkbench(lang, waiting, platform)
  .then(({ workbench, persistent }) => {
    root.render(
      <StrictMode>
        <Root workbench={workbench} platform={platform} persistent={persistent} />
      </StrictMode>,
    );
  })
  .catch((error: unknown) => {
    // The store could not open (another instance holds it, the disk is full, the profile is
    // damaged): say so plainly and touch nothing.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    root.render(
      <div className="fatal" role="alert">
        <h1>无法打开项目数据库 / The project database could not be opened</h1>
        <p>{message}</p>
        <p>
          数据未被修改。请关闭其他窗口后重试。/ Nothing was changed. Close other windows of the workbench and
          try again.
        </p>
      </div>,
    );
  });
