/** Offline writes and what needs the server (issue 16). */
export const enOffline = {
  offline: {
    pending: 'Pending',
    wrapUpQueued: 'Saved on this computer; sent when the connection is back.',
    stateQueued: 'Requested {{state}}; sent when the connection is back.',
    stateOffline: 'Offline: your choice is saved and sent when the connection is back.',
    acceptNeedsServer: 'Accepting needs a connection to the server.',
    reassignNeedsServer: 'Reassigning needs a connection to the server.',
  },
};
