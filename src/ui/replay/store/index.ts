/** The replay page's store: its public face (the page imports `./store`, never a file inside). */
export * from './replayStore';
